package org.kepu.events.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.vocabulary.Audience;
import org.kepu.events.domain.AccessFeature;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventType;
import org.kepu.common.vocabulary.Theme;

/** What an organizer sends to create an event, or to replace its details (PUT). */
@KeepsEventRules
@Schema(name = "EventDraft", description = "An event's details; a new event stays a draft, invisible to the public, until published")
public record EventDraft(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "第七届广东科普嘉年华") String titleZh,
        @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "7th Guangdong Science Carnival") String titleEn,
        @Size(max = 5000, message = "must be at most 5000 characters") @Schema(example = "以“科技创新 强国有我”为主题，设置互动展区、科学表演和科普讲座。") String descriptionZh,
        @Size(max = 5000, message = "must be at most 5000 characters") String descriptionEn,
        @NotNull(message = "is required") @Schema(example = "CARNIVAL") EventType type,
        @Schema(description = "The umbrella event this one belongs to, e.g. 2024年广东省全国科技活动周") UUID seriesId,
        @Size(max = 10, message = "must list at most 10 themes") @Schema(example = "[\"AI\", \"EDUCATION\"]") List<@NotNull(message = "must not be null") Theme> themes,
        @Size(max = 8, message = "must list at most 8 audiences") @Schema(example = "[\"YOUTH\", \"PUBLIC\"]") List<@NotNull(message = "must not be null") Audience> audiences,
        @Size(max = 8, message = "must list at most 8 features") @Schema(description = "What the event offers people with disabilities (无障碍)", example = "[\"WHEELCHAIR_ACCESS\", \"SIGN_LANGUAGE\"]") List<@NotNull(message = "must not be null") AccessFeature> accessibility,
        @Schema(example = "HYBRID", defaultValue = "OFFLINE") EventFormat format,
        @Size(max = 500, message = "must be at most 500 characters") @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Schema(example = "https://live.example.cn/kepu/2024") String streamUrl,
        @NotNull(message = "is required") @Schema(example = "2024-05-18T09:00:00+08:00") OffsetDateTime startsAt,
        @NotNull(message = "is required") @Schema(example = "2024-05-19T17:00:00+08:00") OffsetDateTime endsAt,
        @GuangdongDivision @Schema(example = "440113", description = "Required unless venueId is given; then the venue's when absent") String divisionCode,
        @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "广州市番禺区西环路168号 广东科学中心") String address,
        @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") @Schema(example = "23.0418") Double latitude,
        @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") @Schema(example = "113.3691") Double longitude,
        @Schema(description = "A venue announced by venue-service; the event takes its division and coordinates unless given") UUID venueId,
        @Size(max = 20, message = "must list at most 20 units") @Schema(example = "[\"省科协\", \"省科技厅\"]") List<@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String> responsibleUnits,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "must be at most 1000000") @Schema(example = "500") Integer capacity,
        @Schema(example = "2024-05-01T09:00:00+08:00") OffsetDateTime registrationOpensAt,
        @Schema(example = "2024-05-17T18:00:00+08:00") OffsetDateTime registrationClosesAt,
        @Schema(description = "Whether the public registers for the event (报名); needs a capacity", defaultValue = "false") Boolean takesRegistrations,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") @Schema(description = "The largest group one registration may bring", example = "5") Integer registrationSizeCap,
        @Schema(description = "Whether registrations that do not fit wait for seats instead of being refused", defaultValue = "false") Boolean keepsWaitList,
        @Size(max = 100, message = "must be at most 100 characters") @Schema(description = "Admins only: the organization the event belongs to; organizers always create for their own") String organizerOrg) {
}
