package org.kepu.venues.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kepu.common.rules.DomainException.FieldError;
import org.kepu.common.rules.DomainException;
import org.kepu.venues.domain.OpeningHours.Closure;
import org.kepu.venues.domain.OpeningHours.Interval;
import org.kepu.venues.domain.OpeningHours.OpeningException;
import org.kepu.venues.domain.OpeningHours.OpeningRange;

class OpeningHoursTest {

    /** Tuesday to Sunday 09:30–17:30, Saturday with a lunch break; closed on Mondays. */
    static final Map<DayOfWeek, List<OpeningRange>> WEEK = Map.of(
            DayOfWeek.TUESDAY, List.of(new OpeningRange("09:30", "17:30")),
            DayOfWeek.WEDNESDAY, List.of(new OpeningRange("09:30", "17:30")),
            DayOfWeek.THURSDAY, List.of(new OpeningRange("09:30", "17:30")),
            DayOfWeek.FRIDAY, List.of(new OpeningRange("09:30", "17:30")),
            DayOfWeek.SATURDAY, List.of(new OpeningRange("13:00", "18:00"), new OpeningRange("09:30", "12:00")),
            DayOfWeek.SUNDAY, List.of(new OpeningRange("09:30", "17:30")));

    static final List<OpeningException> SPRING_FESTIVAL_AND_SCIENCE_DAY = List.of(
            new OpeningException(LocalDate.parse("2026-02-17"), true, null, "春节闭馆"),
            new OpeningException(LocalDate.parse("2026-02-18"), true, List.of(), "春节闭馆"),
            new OpeningException(LocalDate.parse("2026-09-21"), false,
                    List.of(new OpeningRange("09:00", "21:00")), "全国科普日特别开放"));

    static final OpeningHours HOURS = OpeningHours.parse(WEEK, SPRING_FESTIVAL_AND_SCIENCE_DAY);

    static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void aWeekExpandsIntoConcreteOpeningsAndExceptionsReplaceTheirDay() {
        // 2026-02-14 is a Saturday, 16 a Monday, 17 and 18 the festival.
        List<Interval> openings = HOURS.intervals(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-19"));
        assertEquals(List.of(at("2026-02-14T09:30+08:00"), at("2026-02-14T13:00+08:00"), at("2026-02-15T09:30+08:00"),
                at("2026-02-19T09:30+08:00")), openings.stream().map(Interval::opens).toList());
        assertEquals(List.of(new Closure(LocalDate.parse("2026-02-17"), "春节闭馆"),
                new Closure(LocalDate.parse("2026-02-18"), "春节闭馆")),
                HOURS.closures(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
        // A Monday normally closed opens for 全国科普日, and the opening carries the note.
        assertEquals(List.of(new Interval(at("2026-09-21T09:00+08:00"), at("2026-09-21T21:00+08:00"), "全国科普日特别开放")),
                HOURS.intervals(LocalDate.parse("2026-09-21"), LocalDate.parse("2026-09-21")));
    }

    @Test
    void openAtAnInstantIsJudgedInShanghaiTime() {
        // 02:00 UTC is 10:00 in Shanghai.
        assertEquals(Optional.of(at("2026-02-14T12:00+08:00")),
                HOURS.intervalAt(at("2026-02-14T02:00Z")).map(Interval::closes));
        assertTrue(HOURS.intervalAt(at("2026-02-14T12:30+08:00")).isEmpty(), "the lunch break");
        assertTrue(HOURS.intervalAt(at("2026-02-14T17:59+08:00")).isPresent());
        assertTrue(HOURS.intervalAt(at("2026-02-14T18:00+08:00")).isEmpty(), "closing time is not open");
        assertTrue(HOURS.intervalAt(at("2026-02-17T10:00+08:00")).isEmpty(), "春节");
    }

    @Test
    void theNextOpeningSkipsClosedDays() {
        // Sunday evening → Monday closed → Tuesday 17 and Wednesday 18 closed for the festival → Thursday 19.
        assertEquals(Optional.of(at("2026-02-19T09:30+08:00")),
                HOURS.nextOpeningAfter(at("2026-02-15T18:00+08:00")).map(Interval::opens));
        assertEquals(Optional.of(at("2026-02-14T13:00+08:00")),
                HOURS.nextOpeningAfter(at("2026-02-14T12:10+08:00")).map(Interval::opens));
        assertTrue(OpeningHours.none().nextOpeningAfter(at("2026-02-14T12:10+08:00")).isEmpty());
    }

    @Test
    void aRangeMayCloseAtMidnight() {
        OpeningHours hours = OpeningHours.parse(Map.of(DayOfWeek.FRIDAY, List.of(new OpeningRange("19:00", "24:00"))),
                List.of());
        assertEquals(Optional.of(at("2026-09-19T00:00+08:00")),
                hours.intervalAt(at("2026-09-18T23:59+08:00")).map(Interval::closes));
    }

    @Test
    void brokenHoursAreRefusedNamingEachField() {
        Map<DayOfWeek, List<OpeningRange>> week = Map.of(DayOfWeek.TUESDAY,
                List.of(new OpeningRange("09:00", "12:00"), new OpeningRange("11:00", "13:00"),
                        new OpeningRange("18:00", "17:00"), new OpeningRange("9:00", "25:00")));
        List<OpeningException> exceptions = List.of(
                new OpeningException(LocalDate.parse("2026-02-17"), true, List.of(new OpeningRange("09:00", "10:00")), null),
                new OpeningException(LocalDate.parse("2026-02-17"), true, null, null),
                new OpeningException(null, false, null, null));

        DomainException problem = assertThrows(DomainException.class, () -> OpeningHours.parse(week, exceptions));
        assertEquals(List.of("weekly.TUESDAY[1]", "weekly.TUESDAY[2].closes", "weekly.TUESDAY[3].opens",
                "weekly.TUESDAY[3].closes", "exceptions[0].ranges", "exceptions[1].date", "exceptions[2].ranges",
                "exceptions[2].date"), problem.fields().stream().map(FieldError::field).toList());
    }
}
