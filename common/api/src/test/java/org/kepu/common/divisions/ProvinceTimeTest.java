package org.kepu.common.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ProvinceTimeTest {

    @Test
    void aTimeIsShownAtGuangdongsOffsetAsTheSameInstant() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-12-05T06:00:00Z");
        OffsetDateTime local = ProvinceTime.local(utc);
        assertEquals(OffsetDateTime.parse("2026-12-05T14:00:00+08:00"), local);
        assertEquals(ZoneOffset.ofHours(8), local.getOffset());
        assertEquals(utc.toInstant(), local.toInstant());
        // From any offset, and on the day the calendar turns there.
        assertEquals(OffsetDateTime.parse("2027-01-01T01:30:00+08:00"),
                ProvinceTime.local(OffsetDateTime.parse("2026-12-31T12:30:00-05:00")));
    }

    @Test
    void noTimeStaysNone() {
        assertNull(ProvinceTime.local(null));
    }
}
