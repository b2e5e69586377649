package org.kepu.venues.service;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.OpeningHours.OpeningException;
import org.kepu.venues.domain.OpeningHours.OpeningRange;
import org.kepu.venues.domain.TimeRange;

/**
 * A venue's opening hours as a manager sends them: the week, and the dated exceptions that replace a day of it. Times
 * are "HH:mm" in Asia/Shanghai; a range may close at "24:00". Checked by {@link OpeningHours#parse}.
 */
@Schema(name = "OpeningHours", description = "Weekly ranges per day plus dated exceptions, local time in Asia/Shanghai")
public record OpeningHoursDraft(
        @Size(max = 7, message = "must have at most 7 days") @Schema(example = "{\"TUESDAY\": [{\"opens\": \"09:30\", \"closes\": \"17:30\"}], \"SATURDAY\": [{\"opens\": \"09:30\", \"closes\": \"12:00\"}, {\"opens\": \"13:00\", \"closes\": \"18:00\"}]}") Map<DayOfWeek, @Size(max = 6, message = "must list at most 6 ranges a day") List<OpeningRange>> weekly,
        @Size(max = 400, message = "must list at most 400 exceptions") @Schema(example = "[{\"date\": \"2026-02-17\", \"closed\": true, \"note\": \"春节闭馆\"}, {\"date\": \"2026-09-20\", \"ranges\": [{\"opens\": \"09:00\", \"closes\": \"21:00\"}], \"note\": \"全国科普日延时开放\"}]") List<OpeningException> exceptions) {

    /** The hours in the form they are sent, so that a client can read, edit and send them back. */
    public static OpeningHoursDraft from(OpeningHours hours) {
        Map<DayOfWeek, List<OpeningRange>> week = new EnumMap<>(DayOfWeek.class);
        hours.weekly().forEach((day, ranges) -> week.put(day, ranges.stream().map(OpeningHoursDraft::text).toList()));
        List<OpeningException> dated = new ArrayList<>();
        hours.exceptions().forEach((date, exception) -> dated.add(new OpeningException(date,
                exception.ranges().isEmpty(), exception.ranges().stream().map(OpeningHoursDraft::text).toList(),
                exception.note())));
        return new OpeningHoursDraft(week, dated);
    }

    private static OpeningRange text(TimeRange range) {
        return new OpeningRange(TimeRange.format(range.opens()), TimeRange.format(range.closes()));
    }

    /** The hours, checked; 400 naming every broken field. */
    public OpeningHours toOpeningHours() {
        return OpeningHours.parse(weekly, exceptions);
    }
}
