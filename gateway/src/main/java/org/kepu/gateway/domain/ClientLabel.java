package org.kepu.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a token's subject appears in the access line. An issuer may use phone numbers or e-mail addresses as subjects,
 * and those are personal data in logs; by default the line carries a keyed hash (HMAC-SHA256, first 64 bits), enough
 * to follow one caller through the logs, useless to recover who it is without the key. Partner agencies
 * ({@code partner:<id>}) are organisations, not people, and are written as they are.
 */
public final class ClientLabel {

    /** What the access line says of an authenticated caller. */
    public enum Mode {
        /** the subject as the token carries it */
        SUBJECT,
        /** a keyed hash of the subject */
        HASHED,
        /** nothing: "authenticated" */
        NONE
    }

    private static final String PARTNER = "partner:";

    private final Mode mode;
    private final ThreadLocal<Mac> macs;

    public ClientLabel(Mode mode, byte[] key) {
        this.mode = mode;
        SecretKeySpec secret = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }

    /** The label for {@code client}: a subject or {@code partner:<id>}; null (anonymous) stays null. */
    public String of(String client) {
        if (client == null || client.startsWith(PARTNER) || mode == Mode.SUBJECT) {
            return client;
        }
        if (mode == Mode.NONE) {
            return "authenticated";
        }
        byte[] digest = macs.get().doFinal(client.getBytes(StandardCharsets.UTF_8));
        return "h:" + HexFormat.of().formatHex(digest, 0, 8);
    }
}
