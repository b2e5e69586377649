package org.kepu.common.divisions;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Guangdong's clock: the days, months and years Kepu counts in (an event "in May", a report due "by 30 November", a
 * venue's opening hours) are China Standard Time's, whatever zone a server or a client runs in.
 */
public final class ProvinceTime {

    /** China Standard Time (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ProvinceTime() {
    }

    /** The same instant at Guangdong's offset, as every time the API shows is given; null for null. */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
