package org.kepu.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class DevTokenMinterTest {

    private static final KeyPair KEYS = keyPair();

    @Test
    void aTokenIsSignedWithTheKeyAndCarriesTheCallersClaims() throws Exception {
        String token = new DevTokenMinter(KEYS.getPrivate()).token("manager-1").role("venue-manager")
                .venues(List.of("v-1", "v-2")).organization("gdast").sign();

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(KEYS.getPublic());
        check.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(check.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies with the public key");

        String header = decode(parts[0]);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
        String claims = decode(parts[1]);
        assertTrue(claims.contains("\"iss\":\"" + DevTokenMinter.LOCAL_ISSUER + "\""), claims);
        assertTrue(claims.contains("\"aud\":\"" + DevTokenMinter.LOCAL_AUDIENCE + "\""), claims);
        assertTrue(claims.contains("\"sub\":\"manager-1\""), claims);
        assertTrue(claims.contains("\"" + Caller.ORGANIZATION_CLAIM + "\":\"gdast\""), claims);
        assertTrue(claims.contains("\"" + Caller.VENUES_CLAIM + "\":[\"v-1\",\"v-2\"]"), claims);
        assertTrue(claims.contains("\"groups\":[\"venue-manager\"]"), claims);
    }

    @Test
    void aNegativeLifetimeMakesATokenThatHasAlreadyExpired() {
        String claims = decode(new DevTokenMinter(KEYS.getPrivate()).token("late").lifetimeSeconds(-120).sign()
                .split("\\.")[1]);
        long issued = number(claims, "iat");
        long expires = number(claims, "exp");
        assertEquals(60, expires - issued, claims);
        assertTrue(expires < System.currentTimeMillis() / 1000, claims);
    }

    @Test
    void textIsEscapedAsJson() {
        String claims = decode(new DevTokenMinter(KEYS.getPrivate()).token("say \"hi\"\\\n").sign().split("\\.")[1]);
        assertTrue(claims.contains("\"sub\":\"say \\\"hi\\\"\\\\\\u000a\""), claims);
    }

    private static long number(String json, String name) {
        String rest = json.substring(json.indexOf("\"" + name + "\":") + name.length() + 3);
        return Long.parseLong(rest.split("[,}]")[0]);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
