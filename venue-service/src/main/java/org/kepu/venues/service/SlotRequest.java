package org.kepu.venues.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.vocabulary.Audience;

/**
 * What a venue manager sends to publish bookable visit slots: one date, or a weekly pattern over a period (the days
 * listed, every week from {@code date} to {@code until}). Times are "HH:mm" in Asia/Shanghai, within the venue's
 * opening hours that day.
 */
@Schema(name = "SlotRequest")
public record SlotRequest(
        @NotNull(message = "is required") @Schema(description = "The slot's date, or the pattern's first", example = "2026-12-08") LocalDate date,
        @Schema(description = "With days: the pattern's last date (at most a year after date)", example = "2027-01-26") LocalDate until,
        @Size(min = 1, max = 7, message = "must list 1 to 7 days") @Schema(description = "With until: the weekdays of the pattern", example = "[\"TUESDAY\", \"THURSDAY\"]") List<@NotNull(message = "must not be null") DayOfWeek> days,
        @NotNull(message = "is required") @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time as HH:mm") @Schema(example = "09:30") String opens,
        @NotNull(message = "is required") @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d|24:00", message = "must be a time as HH:mm") @Schema(example = "11:00") String closes,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 10_000, message = "must be at most 10000") @Schema(example = "120") Integer capacity,
        @Schema(example = "YOUTH") Audience audience,
        @Size(max = 500, message = "must be at most 500 characters") @Schema(example = "适合小学四至六年级，含球幕电影") String notes) {

    /** The dates the request publishes: one, or every listed weekday from date to until. */
    public List<LocalDate> dates() {
        if (until == null && days == null) {
            return List.of(date);
        }
        return date.datesUntil(until.plusDays(1)).filter(day -> days.contains(day.getDayOfWeek())).toList();
    }
}
