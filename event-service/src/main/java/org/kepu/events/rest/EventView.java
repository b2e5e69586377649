package org.kepu.events.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

/** An event as the API shows it; times are given in Asia/Shanghai. */
@Schema(name = "Event")
public record EventView(UUID id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
        EventType type, EventStatus status, OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode,
        String address, Double latitude, Double longitude, UUID venueId, String organizerOrg, Integer capacity,
        OffsetDateTime publishedAt, long version) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static EventView from(Event event) {
        return new EventView(event.id, event.titleZh, event.titleEn, event.descriptionZh, event.descriptionEn, event.type,
                event.status, local(event.startsAt), local(event.endsAt), event.divisionCode, event.address,
                event.latitude, event.longitude, event.venueId, event.organizerOrg, event.capacity,
                local(event.publishedAt), event.version);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }
}
