package org.kepu.common.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 tokens with the locally generated key, for the run command's demo data, for tests and for people trying
 * the API; production tokens come from a real OpenID Connect issuer. Uses only the JDK so that it runs from a shell:
 *
 * <pre>
 * deploy/local/token.sh --role organizer --org gd-kx
 * </pre>
 */
public final class DevTokenMinter {

    /** The issuer local services trust by default. */
    public static final String LOCAL_ISSUER = "https://kepu.local/issuer";
    /** The audience local services expect by default. */
    public static final String LOCAL_AUDIENCE = "kepu-api";

    private final PrivateKey key;

    public DevTokenMinter(PrivateKey key) {
        this.key = key;
    }

    /** Loads an unencrypted PKCS#8 PEM key, as {@code openssl genpkey} writes it. */
    public static DevTokenMinter fromPemFile(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DevTokenMinter(key);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the signing key " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Loads the key named by {@code KEPU_JWT_PRIVATE_KEY}. */
    public static DevTokenMinter fromEnvironment() {
        String location = System.getenv("KEPU_JWT_PRIVATE_KEY");
        if (location == null) {
            throw new IllegalStateException(
                    "KEPU_JWT_PRIVATE_KEY is not set; run deploy/local/stack.sh up and source .local/env");
        }
        return fromPemFile(Path.of(location));
    }

    /** A fluent description of one token. */
    public TokenSpec token(String subject) {
        return new TokenSpec(subject);
    }

    /** What goes into one token; {@link #sign()} makes it. */
    public final class TokenSpec {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final List<String> roles = new ArrayList<>();
        private long lifetimeSeconds = 3600;

        private TokenSpec(String subject) {
            claims.put("iss", LOCAL_ISSUER);
            claims.put("aud", LOCAL_AUDIENCE);
            claims.put("sub", subject);
            claims.put("upn", subject);
        }

        public TokenSpec role(String role) {
            roles.add(role);
            return this;
        }

        public TokenSpec organization(String organization) {
            claims.put(Caller.ORGANIZATION_CLAIM, organization);
            return this;
        }

        public TokenSpec partner(String partner) {
            claims.put(Caller.PARTNER_CLAIM, partner);
            return this;
        }

        public TokenSpec venues(List<String> venues) {
            claims.put(Caller.VENUES_CLAIM, venues);
            return this;
        }

        public TokenSpec issuer(String issuer) {
            claims.put("iss", issuer);
            return this;
        }

        public TokenSpec audience(String audience) {
            claims.put("aud", audience);
            return this;
        }

        /** Negative values make an already expired token, for tests. */
        public TokenSpec lifetimeSeconds(long seconds) {
            this.lifetimeSeconds = seconds;
            return this;
        }

        public String sign() {
            long now = Instant.now().getEpochSecond();
            Map<String, Object> payload = new LinkedHashMap<>(claims);
            payload.put("groups", roles);
            payload.put("iat", Math.min(now, now + lifetimeSeconds - 60));
            payload.put("exp", now + lifetimeSeconds);
            payload.put("jti", UUID.randomUUID().toString());
            String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            String body = base64Url(Json.write(payload));
            try {
                Signature signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
                signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
                return header + "." + body + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot sign a token: " + e.getMessage(), e);
            }
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough JSON for claims: strings, numbers, lists of strings. */
    private static final class Json {
        static String write(Object value) {
            if (value instanceof Map<?, ?> map) {
                StringBuilder out = new StringBuilder("{");
                map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(write(k)).append(':').append(write(v)));
                return out.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder out = new StringBuilder("[");
                list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(write(v)));
                return out.append(']').toString();
            }
            if (value instanceof Number) {
                return value.toString();
            }
            StringBuilder out = new StringBuilder("\"");
            for (char c : String.valueOf(value).toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }

    /**
     * Prints one token. Options: {@code --subject S}, {@code --role R} (repeatable), {@code --org O},
     * {@code --partner P}, {@code --venue V} (repeatable), {@code --ttl SECONDS}.
     */
    public static void main(String[] args) {
        String subject = "dev-user";
        List<String> roles = new ArrayList<>();
        List<String> venues = new ArrayList<>();
        String org = null;
        String partner = null;
        long ttl = 3600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--subject" -> subject = args[i + 1];
                case "--role" -> roles.add(args[i + 1]);
                case "--org" -> org = args[i + 1];
                case "--partner" -> partner = args[i + 1];
                case "--venue" -> venues.add(args[i + 1]);
                case "--ttl" -> ttl = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        TokenSpec spec = fromEnvironment().token(subject).lifetimeSeconds(ttl);
        roles.forEach(spec::role);
        if (org != null) {
            spec.organization(org);
        }
        if (partner != null) {
            spec.partner(partner);
        }
        if (!venues.isEmpty()) {
            spec.venues(venues);
        }
        System.out.println(spec.sign());
    }
}
