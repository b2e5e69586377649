package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the reports keep of an event, bound from a {@code kepu.event.*} fact's data; unknown fields are ignored
 * because facts only ever grow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventSummary(UUID id, long version, String status, String type, String divisionCode, String cityCode,
        String economicRegion, OffsetDateTime startsAt, String organizerOrg, String format, List<String> themes,
        Integer attendanceOffline, Integer attendanceOnline) {
}
