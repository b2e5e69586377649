package org.kepu.venues.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.StopSetting;

/**
 * A tour with its stops in date order, each with its point (map-friendly), and its totals. Made by
 * {@link TourViewMapper}.
 */
@Schema(name = "Tour")
public record TourView(UUID id, UUID unitId, String name, int year, String organizer, List<StopView> stops,
        @Schema(description = "Stops in EAST, WEST and NORTH, the less-developed regions the plan counts") long stopsOutsidePrd,
        @Schema(description = "Visitors reported so far") long visitors, long version) {

    /** One stop. */
    @Schema(name = "TourStop")
    public record StopView(UUID id, UUID tourId, UUID unitId, UUID venueId, String placeName, String address,
            String divisionCode, String cityCode, String economicRegion, Double latitude, Double longitude,
            LocalDate startsOn, LocalDate endsOn, StopSetting setting, Integer visitors, long version) {
    }
}
