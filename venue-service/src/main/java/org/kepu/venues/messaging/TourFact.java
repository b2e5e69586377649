package org.kepu.venues.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.StopSetting;

/**
 * The payload of every {@code kepu.tour.*} and {@code kepu.tour-stop.*} fact: the tour, and for a stop fact the stop
 * after the change with its city and economic region, so reports count stops and visitors by region with no lookup.
 * Made by {@link TourFactMapper}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TourFact(@NotNull UUID tourId, @NotNull UUID unitId, @NotNull String name, int year, long version,
        @Schema(description = "Only on kepu.tour-stop.* facts: the stop after the change") Stop stop) {

    /** A stop as reports count it. */
    public record Stop(@NotNull UUID id, @NotNull String divisionCode, String cityCode, String economicRegion,
            @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotNull StopSetting setting, Integer visitors,
            boolean removed) {
    }
}
