package org.kepu.events.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

/**
 * The payload of every {@code kepu.event.*} fact: the event's state after the change, plus the city and economic
 * region so that consumers need no lookup. Changes are additive; a breaking change is a new fact type. What is never
 * null is marked {@code @NotNull}, and the AsyncAPI document ({@code WrittenFacts}) says so.
 */
public record EventFact(@NotNull UUID id, long version, @NotNull EventStatus status, @NotNull String titleZh,
        String titleEn, @NotNull EventType type, UUID seriesId, @NotNull List<String> themes,
        @NotNull List<String> audiences, @NotNull List<String> accessibility, @NotNull EventFormat format,
        @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, @NotNull String divisionCode,
        String cityCode, String economicRegion, UUID venueId, @NotNull String organizerOrg,
        @NotNull List<String> responsibleUnits, Integer capacity, OffsetDateTime publishedAt, String cancelReason,
        Integer attendanceOffline, Integer attendanceOnline, String partnerId, String externalId) {
}
