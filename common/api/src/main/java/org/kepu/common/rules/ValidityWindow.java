package org.kepu.common.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

import org.kepu.common.divisions.ProvinceTime;

/**
 * The days a grant holds (an education base's certificate): from its first day to its last, both inclusive, as the
 * dates are stored and shown ("valid until 2028-12-31" holds that day and has ended the next); a missing end leaves
 * that side open. Days are Guangdong's civil dates. Every reader of a validity asks this type, and each service's SQL
 * says the same in one named fragment that a test checks against it.
 *
 * @param from the first day it holds; null when it has held since ever
 * @param until the last day it holds; null when it never ends
 */
public record ValidityWindow(LocalDate from, LocalDate until) {

    /** Refuses a window that ends before it begins, naming {@code validUntil} as the certification moves do. */
    public ValidityWindow {
        if (from != null && until != null && until.isBefore(from)) {
            throw DomainException.invalid("validUntil", "must not be before validFrom (" + from + ")");
        }
    }

    /** Whether it holds on {@code day}: begun by then and not ended before it. */
    public boolean contains(LocalDate day) {
        return !hasNotBegunOn(day) && !hasEndedBefore(day);
    }

    /** Whether {@code day} comes before its first day: granted, but not yet in force. */
    public boolean hasNotBegunOn(LocalDate day) {
        return from != null && day.isBefore(from);
    }

    /** Whether its last day was before {@code day}: lapsed, whatever the stored status says. */
    public boolean hasEndedBefore(LocalDate day) {
        return until != null && until.isBefore(day);
    }

    /** Whether it holds on at least one day of {@code year} (a certificate is evaluated for such a year). */
    public boolean overlapsYear(int year) {
        return (from == null || from.getYear() <= year) && (until == null || until.getYear() >= year);
    }

    /**
     * The day a year's standing is judged on, "at the year's end": 31 December, or today in Guangdong
     * ({@link ProvinceTime#ZONE}) while that day has not come, since a day not yet reached says nothing. Days turn at
     * midnight in Shanghai, not in UTC: 2024-12-31T16:00:00Z is already 1 January 2025.
     */
    public static LocalDate yearEndOrToday(int year, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ProvinceTime.ZONE);
        LocalDate yearEnd = Year.of(year).atMonth(12).atEndOfMonth();
        return today.isBefore(yearEnd) ? today : yearEnd;
    }
}
