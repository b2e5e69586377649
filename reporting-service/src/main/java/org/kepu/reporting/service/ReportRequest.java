package org.kepu.reporting.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.reporting.domain.CompletionReport.Content;
import org.kepu.reporting.domain.ReportStatus;

/** A unit's completion report on one task, as it sends it. */
@Schema(name = "CompletionReportRequest")
public record ReportRequest(
        @NotNull(message = "is required") @Schema(example = "DONE") ReportStatus status,
        @Size(max = 10000, message = "must be at most 10000 characters") @Schema(example = "科技活动周期间举办科学之夜等活动12场") String narrative,
        @Min(value = 0, message = "must not be negative") @Max(value = 1_000_000, message = "must be at most 1000000") @Schema(example = "12") Integer eventsHeld,
        @Min(value = 0, message = "must not be negative") @Max(value = 100_000_000, message = "must be at most 100000000") @Schema(example = "5200") Integer participants,
        @Size(max = 50, message = "must have at most 50 figures") @Schema(description = "Other figures by name", example = "{\"发放资料（份）\":\"3000\"}") Map<@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String, @NotNull(message = "must not be null") @Size(max = 200, message = "must be at most 200 characters") String> figures,
        @Size(max = 200, message = "must name at most 200 events") @Schema(description = "Kepu events that count towards the task") List<@NotNull(message = "must not be null") UUID> eventIds) {

    Content content() {
        return new Content(status, narrative, eventsHeld, participants, figures, eventIds);
    }
}
