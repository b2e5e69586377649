package org.kepu.events.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An event as the API shows it; times are given in Asia/Shanghai. Made by {@link EventViewMapper}. */
@Schema(name = "Event")
public record EventView(UUID id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
        EventType type, EventStatus status, UUID seriesId, List<String> themes, List<String> audiences,
        List<String> accessibility, EventFormat format, String streamUrl, OffsetDateTime startsAt, OffsetDateTime endsAt,
        String divisionCode,
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
}
