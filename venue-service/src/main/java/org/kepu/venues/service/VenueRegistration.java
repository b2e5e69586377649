package org.kepu.venues.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.venues.domain.VenueKind;

/** What an admin sends to register a venue. */
@Schema(name = "VenueRegistration")
public record VenueRegistration(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "广东科学中心") String nameZh,
        @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "Guangdong Science Center") String nameEn,
        @NotNull(message = "is required") @Schema(example = "SCIENCE_MUSEUM") VenueKind kind,
        @NotNull(message = "is required") @GuangdongDivision @Schema(example = "440113") String divisionCode,
        @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "广州市番禺区西环路168号") String address,
        @NotNull(message = "is required") @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") @Schema(example = "23.0418") Double latitude,
        @NotNull(message = "is required") @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") @Schema(example = "113.3691") Double longitude) {
}
