package org.kepu.events.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lifecycle moves that need one. */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** Why an event is called off; shown to the public. */
    @Schema(name = "Cancellation")
    public record Cancellation(
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters") @Schema(example = "因台风“摩羯”影响，活动取消") String reason) {
    }

    /** How many took part, after the event. */
    @Schema(name = "AttendanceReport")
    public record AttendanceReport(
            @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") @Max(value = 100_000_000, message = "must be at most 100000000") @Schema(example = "1850") Integer offline,
            @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") @Max(value = 100_000_000, message = "must be at most 100000000") @Schema(example = "32000") Integer online) {
    }
}
