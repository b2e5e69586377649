package org.kepu.reporting.domain;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the reports keep of a touring stop, bound from a {@code kepu.tour-stop.*} fact's data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TourStopSummary(UUID tourId, UUID unitId, Stop stop) {

    /** The stop after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stop(UUID id, String divisionCode, String cityCode, String economicRegion, LocalDate startsOn,
            LocalDate endsOn, String setting, Integer visitors, boolean removed) {
    }
}
