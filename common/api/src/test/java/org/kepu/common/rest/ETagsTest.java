package org.kepu.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void aVersionIsAStrongTagOfItsNumber() {
        var tag = ETags.of(42);
        assertEquals("42", tag.getValue());
        assertFalse(tag.isWeak(), "If-Match needs strong comparison (RFC 9110 §13.1.1)");
    }

    @Test
    void equalVersionsGiveEqualTagsAndOthersDiffer() {
        assertEquals(ETags.of(7), ETags.of(7));
        assertFalse(ETags.of(7).equals(ETags.of(8)));
    }

    @Test
    void contentTagsAreStrongAndEqualForEqualBytes() {
        byte[] page = "{\"items\":[{\"titleZh\":\"科学之夜\"}],\"total\":1}".getBytes(StandardCharsets.UTF_8);
        var tag = ETags.ofContent(page);
        assertFalse(tag.isWeak(), "equal tags promise equal bytes");
        assertEquals(tag, ETags.ofContent(page.clone()));
    }

    @Test
    void anyChangeOfTheBytesChangesTheContentTag() {
        byte[] page = "{\"items\":[{\"titleZh\":\"科学之夜\",\"seatsLeft\":10}],\"total\":1}"
                .getBytes(StandardCharsets.UTF_8);
        Set<String> tags = new HashSet<>();
        tags.add(ETags.ofContent(page).getValue());
        for (int i = 0; i < page.length; i++) { // every single-bit change, and every byte dropped from the end
            for (int bit = 0; bit < 8; bit++) {
                byte[] changed = page.clone();
                changed[i] ^= (byte) (1 << bit);
                tags.add(ETags.ofContent(changed).getValue());
            }
            tags.add(ETags.ofContent(java.util.Arrays.copyOf(page, i)).getValue());
        }
        assertEquals(1 + page.length * 9, tags.size());
    }
}
