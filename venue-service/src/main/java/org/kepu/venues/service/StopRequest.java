package org.kepu.venues.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.venues.domain.StopSetting;

/**
 * A stop as its unit's manager sends it: at a venue of the directory ({@code venueId}), or at an address with its
 * division code and coordinates.
 */
@Schema(name = "TourStopRequest")
public record StopRequest(
        @Schema(description = "A venue of the directory; its name, division and point are the stop's unless given") UUID venueId,
        @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "连州市第二中学") String placeName,
        @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "清远市连州市连州镇") String address,
        @GuangdongDivision @Schema(example = "441882") String divisionCode,
        @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") @Schema(example = "24.7806") Double latitude,
        @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") @Schema(example = "112.3770") Double longitude,
        @NotNull(message = "is required") @Schema(example = "2024-11-04") LocalDate startsOn,
        @NotNull(message = "is required") @Schema(example = "2024-11-08") LocalDate endsOn,
        @NotNull(message = "is required") @Schema(example = "SCHOOL") StopSetting setting) {
}
