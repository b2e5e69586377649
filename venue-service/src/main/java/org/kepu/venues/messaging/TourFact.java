package org.kepu.venues.messaging;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kepu.venues.domain.StopSetting;

/**
 * The payload of every {@code kepu.tour.*} and {@code kepu.tour-stop.*} fact: the tour, and for a stop fact the stop
 * after the change with its city and economic region, so reports count stops and visitors by region with no lookup.
 * Made by {@link TourFactMapper}.
 *
 * @param stop absent on tour facts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TourFact(UUID tourId, UUID unitId, String name, int year, long version, Stop stop) {

    /** A stop as reports count it. */
    public record Stop(UUID id, String divisionCode, String cityCode, String economicRegion, LocalDate startsOn,
            LocalDate endsOn, StopSetting setting, Integer visitors, boolean removed) {
    }
}
