package org.kepu.reporting.domain;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the reports keep of a venue, bound from a {@code kepu.venue.*} fact's data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VenueSummary(UUID id, long version, String kind, String nameZh, String divisionCode, String cityCode,
        String economicRegion, String status, Certification certification) {

    /**
     * The base certification as the fact stored it; whether it is in force is judged at read time by its validity,
     * {@code validFrom} to {@code validUntil} (a {@link org.kepu.common.rules.ValidityWindow}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certification(String status, String level, LocalDate validFrom, LocalDate validUntil) {
    }
}
