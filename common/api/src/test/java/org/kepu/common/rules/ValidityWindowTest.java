package org.kepu.common.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import org.kepu.common.divisions.ProvinceTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * A validity window against days before it, inside it, after it, on its first and last days, with either end open,
 * and at the year's end in Shanghai.
 */
class ValidityWindowTest {

    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    static Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(EARLIEST.toEpochDay(), LATEST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** Closed windows (one day to decades long) mostly, and every open-ended shape, as certificates and facts have them. */
    @Provide
    Arbitrary<ValidityWindow> windows() {
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 20 * 366));
        Arbitrary<ValidityWindow> closed = Combinators.combine(days(), length)
                .as((from, days) -> new ValidityWindow(from, from.plusDays(days)));
        return Arbitraries.frequencyOf(Tuple.of(6, closed),
                Tuple.of(1, days().map(from -> new ValidityWindow(from, null))),
                Tuple.of(1, days().map(until -> new ValidityWindow(null, until))),
                Tuple.of(1, Arbitraries.just(new ValidityWindow(null, null))));
    }

    /** A day at any distance from the window's ends, mostly near them, where an off-by-one would show. */
    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 2), Arbitraries.integers().between(-4000, 4000));
    }

    @Property(tries = 2_000, seed = "20261207")
    void everyDayIsBeforeInsideOrAfterAndExactlyOneOfThem(@ForAll("windows") ValidityWindow window,
            @ForAll("offsets") int offset) {
        LocalDate anchor = window.from() != null ? window.from() : window.until() != null ? window.until() : EARLIEST;
        LocalDate day = anchor.plusDays(offset);
        int holds = (window.hasNotBegunOn(day) ? 1 : 0) + (window.contains(day) ? 1 : 0)
                + (window.hasEndedBefore(day) ? 1 : 0);
        assertEquals(1, holds, window + " on " + day);
    }

    @Property(tries = 2_000, seed = "20261207")
    void itHoldsOnItsFirstAndLastDaysAndNotADayOutsideThem(@ForAll("windows") ValidityWindow window,
            @ForAll @IntRange(min = 1, max = 20_000) int daysOut) {
        String what = window + ", " + daysOut + " days out";
        LocalDate first = window.from() == null ? EARLIEST : window.from();
        LocalDate last = window.until() == null ? LATEST : window.until();
        LocalDate before = first.minusDays(daysOut);
        LocalDate after = last.plusDays(daysOut);
        assertTrue(window.contains(first) && window.contains(last), what);
        // An open end reaches past any day; a closed one stops at its day.
        assertEquals(window.from() != null, window.hasNotBegunOn(before) && !window.contains(before), what);
        assertEquals(window.until() != null, window.hasEndedBefore(after) && !window.contains(after), what);
    }

    @Property(tries = 1_000, seed = "20261207")
    void everyDayBetweenTheEndsHolds(@ForAll("windows") ValidityWindow window, @ForAll("offsets") int offset) {
        LocalDate from = window.from() == null ? EARLIEST : window.from();
        LocalDate until = window.until() == null ? LATEST : window.until();
        long span = until.toEpochDay() - from.toEpochDay();
        LocalDate inside = from.plusDays(Math.floorMod(offset, span + 1));
        assertTrue(window.contains(inside), window + " on " + inside);
    }

    @Property(tries = 500, seed = "20261207")
    void aWindowOverlapsAYearExactlyWhenItHoldsOnOneOfItsDays(@ForAll("windows") ValidityWindow window,
            @ForAll @IntRange(min = 1990, max = 2199) int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        boolean holdsOnADay = IntStream.range(0, first.lengthOfYear()).mapToObj(first::plusDays)
                .anyMatch(window::contains);
        assertEquals(holdsOnADay, window.overlapsYear(year), window + " in " + year);
    }

    /** Instants from two days before a Shanghai new year to two days after it, to the minute. */
    @Provide
    Arbitrary<Instant> aroundNewYear() {
        return Combinators.combine(Arbitraries.integers().between(1991, 2199),
                Arbitraries.integers().between(-2 * 1440, 2 * 1440))
                .as((year, minutes) -> LocalDate.of(year, 1, 1).atStartOfDay(ProvinceTime.ZONE).toInstant()
                        .plusSeconds(60L * minutes));
    }

    @Property(tries = 2_000, seed = "20261207")
    void theYearIsJudgedOnItsLastDayInShanghaiOrTodayWhileItLasts(@ForAll("aroundNewYear") Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ProvinceTime.ZONE);
        int endingYear = today.getMonthValue() == 1 ? today.getYear() - 1 : today.getYear();
        LocalDate lastDay = LocalDate.of(endingYear, 12, 31);
        ValidityWindow endsThatDay = new ValidityWindow(lastDay.minusYears(5).plusDays(1), lastDay);
        ValidityWindow endsTheDayBefore = new ValidityWindow(lastDay.minusYears(5), lastDay.minusDays(1));
        ValidityWindow startsNextDay = new ValidityWindow(lastDay.plusDays(1), lastDay.plusYears(5));
        String when = "at " + now + " (" + today + " in Shanghai)";

        LocalDate judged = ValidityWindow.yearEndOrToday(endingYear, now);
        assertTrue(endsThatDay.contains(judged), when);
        assertFalse(startsNextDay.contains(judged), when);
        // Once 31 December has begun in Shanghai (16:00 UTC the day before), a certificate that ended on the 30th
        // no longer counts for the year.
        assertEquals(today.isBefore(lastDay), endsTheDayBefore.contains(judged), when);
        // The next year, while it lasts, is judged today: it begins at midnight in Shanghai, not in UTC.
        assertEquals(today.getYear() > endingYear,
                startsNextDay.contains(ValidityWindow.yearEndOrToday(endingYear + 1, now)), when);
    }

    @Property(tries = 1_000, seed = "20261207")
    void aWindowBeginningAfterAYearNeverCountsForItWhenever(@ForAll("windows") ValidityWindow window,
            @ForAll @IntRange(min = 1990, max = 2198) int year, @ForAll("aroundNewYear") Instant now) {
        if (window.from() != null && window.from().getYear() > year) {
            assertFalse(window.contains(ValidityWindow.yearEndOrToday(year, now)), window + " for " + year);
        }
        LocalDate judged = ValidityWindow.yearEndOrToday(year, now);
        assertTrue(!judged.isAfter(LocalDate.of(year, 12, 31))
                && !judged.isAfter(LocalDate.ofInstant(now, ProvinceTime.ZONE)), judged + " for " + year);
    }

    @Example
    void theIssuesCasesFor2024() {
        Instant now = Instant.parse("2026-12-07T16:50:00Z");
        assertFalse(new ValidityWindow(LocalDate.of(2030, 1, 1), LocalDate.of(2034, 12, 31))
                .contains(ValidityWindow.yearEndOrToday(2024, now)), "a certificate starting in 2030");
        assertTrue(new ValidityWindow(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31))
                .contains(ValidityWindow.yearEndOrToday(2024, now)), "one ending on 2024's last day");
        assertFalse(new ValidityWindow(LocalDate.of(2025, 1, 1), null)
                .contains(ValidityWindow.yearEndOrToday(2024, now)), "one starting on 2025's first day");
        // 23:30 on 31 December 2024 in UTC is already 1 January 2025 in Shanghai.
        Instant utcEve = LocalDateTime.of(LocalDate.of(2024, 12, 31), LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC);
        assertEquals(LocalDate.of(2025, 1, 1), ValidityWindow.yearEndOrToday(2025, utcEve));
    }

    @Example
    void aWindowEndingBeforeItBeginsIsRefusedNamingItsEnd() {
        DomainException refused = assertThrows(DomainException.class,
                () -> new ValidityWindow(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)));
        assertEquals("validUntil", refused.fields().get(0).field());
        assertTrue(new ValidityWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1))
                .contains(LocalDate.of(2025, 1, 1)), "a one-day window holds on its day");
    }
}
