package org.kepu.events.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.events.domain.EventType;

/** What an organizer sends to create an event draft. */
@Schema(name = "EventDraft", description = "A new event; it stays a draft, invisible to the public, until published")
@ConsistentDraft
public record EventDraft(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "第七届广东科普嘉年华") String titleZh,
        @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "7th Guangdong Science Carnival") String titleEn,
        @Size(max = 5000, message = "must be at most 5000 characters") String descriptionZh,
        @Size(max = 5000, message = "must be at most 5000 characters") String descriptionEn,
        @NotNull(message = "is required") @Schema(example = "CARNIVAL") EventType type,
        @NotNull(message = "is required") @Schema(example = "2024-05-18T09:00:00+08:00") OffsetDateTime startsAt,
        @NotNull(message = "is required") @Schema(example = "2024-05-19T17:00:00+08:00") OffsetDateTime endsAt,
        @NotNull(message = "is required") @GuangdongDivision @Schema(example = "440113") String divisionCode,
        @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "广州市番禺区西环路168号 广东科学中心") String address,
        @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") @Schema(example = "23.0418") Double latitude,
        @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") @Schema(example = "113.3691") Double longitude,
        UUID venueId,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "must be at most 1000000") @Schema(example = "500") Integer capacity,
        @Size(max = 100, message = "must be at most 100 characters") @Schema(description = "Admins only: the organization the event belongs to; organizers always create for their own") String organizerOrg) {
}
