package org.kepu.events.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.kepu.common.rules.DomainException;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Negative;

/** The change feed's opaque cursor: every position survives the round trip, and what is not a cursor is refused. */
class ChangeFeedCursorTest {

    @Property(tries = 1_000, seed = "20261207")
    void everyPositionComesBackFromItsCursor(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long position) {
        String cursor = ChangeFeed.encode(position);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + cursor);
        assertEquals(position, ChangeFeed.decode(cursor));
    }

    @Property(tries = 500, seed = "20261207")
    void aCursorOfANegativePositionIsRefusedNamingAfter(@ForAll @Negative long position) {
        assertRefusedNamingAfter(ChangeFeed.encode(position));
    }

    @Property(tries = 1_000, seed = "20261207")
    void anyTextIsEitherACursorOrRefusedNamingAfter(@ForAll String text) {
        try {
            assertTrue(ChangeFeed.decode(text) >= 0, text);
        } catch (DomainException refused) {
            assertEquals("after", refused.fields().get(0).field(), text);
        }
    }

    @Property(tries = 1_000, seed = "20261207")
    void aCursorWithoutTheVersionPrefixIsRefusedNamingAfter(@ForAll String payload) {
        Assume.that(!payload.startsWith("c1:"));
        assertRefusedNamingAfter(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefusedNamingAfter(String cursor) {
        DomainException refused = assertThrows(DomainException.class, () -> ChangeFeed.decode(cursor), cursor);
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        assertEquals("after", refused.fields().get(0).field());
    }
}
