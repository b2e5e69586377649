package org.kepu.events.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

/**
 * The payload of every {@code kepu.event.*} fact: the event's state after the change, plus the city and economic
 * region so that consumers need no lookup. Changes are additive; a breaking change is a new fact type.
 */
public record EventFact(UUID id, long version, EventStatus status, String titleZh, String titleEn, EventType type,
        UUID seriesId, List<String> themes, List<String> audiences, List<String> accessibility, EventFormat format,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt, String divisionCode, String cityCode, String economicRegion, UUID venueId,
        String organizerOrg, List<String> responsibleUnits, Integer capacity, OffsetDateTime publishedAt,
        String cancelReason, Integer attendanceOffline, Integer attendanceOnline, String partnerId, String externalId) {
}
