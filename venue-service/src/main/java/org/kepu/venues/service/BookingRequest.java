package org.kepu.venues.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.privacy.Phones;

/** What a school sends to book a class visit; no account needed, the answer carries a manage token. */
@Schema(name = "BookingRequest")
public record BookingRequest(
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") @Schema(description = "Pupils and teachers together", example = "45") Integer size,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "广州市天河区华阳小学") String school,
        @Size(max = 50, message = "must be at most 50 characters") @Schema(example = "五年级（3）班") String grade,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") @Schema(example = "王老师") String leaderName,
        @NotNull(message = "is required") @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE) @Schema(example = "13800138000") String leaderPhone) {
}
