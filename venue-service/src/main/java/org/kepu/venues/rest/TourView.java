package org.kepu.venues.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.StopSetting;
import org.kepu.venues.domain.Tour;
import org.kepu.venues.domain.TourStop;
import org.kepu.venues.service.TourService.TourWithStops;

/** A tour with its stops in date order, each with its point (map-friendly), and its totals. */
@Schema(name = "Tour")
public record TourView(UUID id, UUID unitId, String name, int year, String organizer, List<StopView> stops,
        @Schema(description = "Stops in EAST, WEST and NORTH, the less-developed regions the plan counts") long stopsOutsidePrd,
        @Schema(description = "Visitors reported so far") long visitors, long version) {

    /** One stop. */
    @Schema(name = "TourStop")
    public record StopView(UUID id, UUID tourId, UUID unitId, UUID venueId, String placeName, String address,
            String divisionCode, String cityCode, String economicRegion, Double latitude, Double longitude,
            LocalDate startsOn, LocalDate endsOn, StopSetting setting, Integer visitors, long version) {

        static StopView from(TourStop stop) {
            return new StopView(stop.id, stop.tourId, stop.unitId, stop.venueId, stop.placeName, stop.address,
                    stop.divisionCode, stop.cityCode, stop.economicRegion, stop.latitude, stop.longitude,
                    stop.startsOn, stop.endsOn, stop.setting, stop.visitors(), stop.version);
        }
    }

    static TourView from(TourWithStops found) {
        Tour tour = found.tour();
        List<StopView> stops = found.stops().stream().map(StopView::from).toList();
        long outside = stops.stream().filter(stop -> stop.economicRegion() != null && !"PRD".equals(stop.economicRegion()))
                .count();
        long visitors = stops.stream().mapToLong(stop -> stop.visitors() == null ? 0 : stop.visitors()).sum();
        return new TourView(tour.id, tour.unitId, tour.name, tour.year, tour.organizer, stops, outside, visitors,
                tour.version);
    }
}
