package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year of public events in a scope, broken down as dashboards show them.
 *
 * @param freshAsOf when the newest event fact behind these figures was applied; null when none has been
 */
public record EventOverview(int year, String scope, long total, List<Count> byType, List<Count> byMonth,
        List<Count> byStatus, List<Count> byFormat, List<Count> byTheme, long attendanceOffline, long attendanceOnline,
        OffsetDateTime freshAsOf) {

    /** One bucket of a breakdown. */
    public record Count(String key, long count) {
    }
}
