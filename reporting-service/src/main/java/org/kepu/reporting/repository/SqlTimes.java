package org.kepu.reporting.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamptz as a native query hands it back (the JDBC driver's type varies), as an OffsetDateTime. */
final class SqlTimes {

    private SqlTimes() {
    }

    static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The later of the times; nulls (no fact yet) are skipped. */
    static OffsetDateTime newest(OffsetDateTime... times) {
        OffsetDateTime newest = null;
        for (OffsetDateTime time : times) {
            if (time != null && (newest == null || time.isAfter(newest))) {
                newest = time;
            }
        }
        return newest;
    }
}
