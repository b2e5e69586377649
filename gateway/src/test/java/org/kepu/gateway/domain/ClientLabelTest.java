package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ClientLabelTest {

    private static final byte[] KEY = "a key only this test uses".getBytes(StandardCharsets.UTF_8);

    @Test
    void hashedSubjectsAreStableButDoNotShowTheSubject() {
        ClientLabel label = new ClientLabel(ClientLabel.Mode.HASHED, KEY);
        String hashed = label.of("13800138000");
        assertTrue(hashed.matches("h:[0-9a-f]{16}"), hashed);
        assertEquals(hashed, label.of("13800138000"));
        assertNotEquals(hashed, label.of("13800138001"));
        assertNotEquals(hashed, new ClientLabel(ClientLabel.Mode.HASHED, "another key".getBytes(StandardCharsets.UTF_8))
                .of("13800138000"));
    }

    @Test
    void partnersAndAnonymousCallersAreWrittenAsTheyAre() {
        ClientLabel label = new ClientLabel(ClientLabel.Mode.HASHED, KEY);
        assertEquals("partner:gz-kexie", label.of("partner:gz-kexie"));
        assertNull(label.of(null));
    }

    @Test
    void theOtherModesWriteTheSubjectOrNothing() {
        assertEquals("zhang@example.cn", new ClientLabel(ClientLabel.Mode.SUBJECT, KEY).of("zhang@example.cn"));
        assertEquals("authenticated", new ClientLabel(ClientLabel.Mode.NONE, KEY).of("zhang@example.cn"));
    }
}
