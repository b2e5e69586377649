package org.kepu.venues.service;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tour as its unit's manager sends it. */
@Schema(name = "TourRequest")
public record TourRequest(
        @NotNull(message = "is required") @Schema(description = "The caravan or touring exhibition (a venue of a mobile kind)") UUID unitId,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "2024年科普大篷车粤北巡展") String name,
        @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") @Schema(example = "2024") Integer year,
        @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "广东省科学技术协会") String organizer) {
}
