package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the reports keep of an event, bound from a {@code kepu.event.*} fact's data; unknown fields are ignored
 * because facts only ever grow. Its components are {@code event_summary}'s columns (the batch writer derives the
 * upsert from them).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventSummary(@Column(name = "event_id") UUID id, long version, String status, String type, String divisionCode,
        String cityCode,
        String economicRegion, OffsetDateTime startsAt, String organizerOrg, String format, List<String> themes,
        Integer attendanceOffline, Integer attendanceOnline) {

    /** An event without themes has none: the read model keeps an empty list, never a missing one. */
    public EventSummary {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
