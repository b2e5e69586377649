package org.kepu.reporting.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plan as an admin sends it: the same shape as the reference files the demo plans are loaded from
 * ({@code org/kepu/reporting/plans/*.json}).
 */
@Schema(name = "PlanRequest")
public record PlanRequest(
        @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") @Schema(example = "2021") Integer year,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") @Schema(example = "广州市科学技术局") String issuingBody,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "2021年广州市科普工作计划") String title,
        @Schema(description = "The last day reports are on time; 30 November of the year when absent", example = "2021-11-30") LocalDate dueOn,
        @NotEmpty(message = "must have at least one section") @Size(max = 50, message = "must have at most 50 sections") List<@Valid @NotNull(message = "must not be null") Section> sections) {

    /** A numbered section (（一）, 一、) of the plan. */
    @Schema(name = "PlanSection")
    public record Section(
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer number,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
            @NotEmpty(message = "must have at least one task") @Size(max = 200, message = "must have at most 200 tasks") List<@Valid @NotNull(message = "must not be null") Task> tasks) {
    }

    /** A numbered task; numbers run through the whole plan. */
    @Schema(name = "PlanTaskRequest")
    public record Task(
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer number,
            @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters") String title,
            @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters") String text,
            @NotEmpty(message = "must name at least one unit") @Size(max = 50, message = "must name at most 50 units") List<@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String> units,
            @Size(max = 100, message = "must be at most 100 characters") @Schema(description = "The unit that leads (牵头), one of units") String leadUnit) {
    }
}
