package org.kepu.events.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.geo.GeoPoint;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An event as the API shows it; times are given in Asia/Shanghai. */
@Schema(name = "Event")
public record EventView(UUID id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
        EventType type, EventStatus status, UUID seriesId, List<String> themes, List<String> audiences,
        EventFormat format, String streamUrl, OffsetDateTime startsAt, OffsetDateTime endsAt, String divisionCode,
        String cityCode, String economicRegion, String address, Double latitude, Double longitude, UUID venueId,
        String organizerOrg, List<String> responsibleUnits, Integer capacity, OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt, String cancelReason, Integer attendanceOffline, Integer attendanceOnline,
        String partnerId, String externalId, OffsetDateTime publishedAt, OffsetDateTime updatedAt, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only for events that take registrations") Registrations registrations,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only in searches near a point") Double distanceKm) {

    /** What the public sees of an event's registrations: counts only, never who registered. */
    @Schema(name = "EventRegistrations")
    public record Registrations(@Schema(description = "The largest group one registration may bring") Integer sizeCap,
            boolean waitList, int confirmedSeats, int seatsLeft, int waitListLength, int checkedIn) {
    }

    static final ZoneId SHANGHAI = ProvinceTime.ZONE;

    static EventView from(Event event) {
        return from(event, null);
    }

    /** With {@code from} given, the view carries the event's distance from that point. */
    static EventView from(Event event, GeoPoint from) {
        Double distance = from == null || event.latitude == null
                ? null
                : Math.round(from.distanceKm(event.latitude, event.longitude) * 100) / 100.0;
        return new EventView(event.id, event.titleZh, event.titleEn, event.descriptionZh, event.descriptionEn,
                event.type, event.status, event.seriesId, event.themes, event.audiences, event.format, event.streamUrl,
                local(event.startsAt), local(event.endsAt), event.divisionCode, event.cityCode, event.economicRegion,
                event.address, event.latitude, event.longitude, event.venueId, event.organizerOrg,
                event.responsibleUnits, event.capacity, local(event.registrationOpensAt),
                local(event.registrationClosesAt), event.cancelReason, event.attendanceOffline, event.attendanceOnline,
                event.partnerId, event.externalId, local(event.publishedAt), local(event.updatedAt), event.version,
                registrations(event), distance);
    }

    private static Registrations registrations(Event event) {
        if (!event.takesRegistrations) {
            return null;
        }
        return new Registrations(event.registrationSizeCap, event.keepsWaitList, event.confirmedSeats,
                Math.max(0, event.capacity - event.confirmedSeats), event.waitListLength, event.checkedInPeople);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }
}
