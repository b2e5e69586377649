package org.kepu.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
