package org.kepu.reporting.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kepu.common.vocabulary.Theme;

/**
 * A themed day (or week, or month) the plans name — 世界水日, 科技活动周, 全国科普日 — with the rule that places it in a
 * year. Rules, as {@code themed-days.csv} writes them: {@code MM-DD}, {@code MM-DD/MM-DD}, {@code MM} (the whole month),
 * {@code ORDINAL weekend of MM} (its Saturday and Sunday), {@code N days from the ORDINAL WEEKDAY of MM}.
 */
public record ThemedDay(String key, String nameZh, String nameEn, String rule, Theme theme) {

    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");
    private static final Pattern DAY = Pattern.compile("(\\d{2})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{2})-(\\d{2})/(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{2})");
    private static final Pattern WEEKEND = Pattern.compile("(\\w+) weekend of (\\d{2})");
    private static final Pattern DAYS_FROM = Pattern.compile("(\\d+) days from the (\\w+) (\\w+) of (\\d{2})");

    /** The first and last day (both included) of a themed day in a year. */
    public record Dates(LocalDate from, LocalDate to) {
        public Dates {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("ends before it starts: " + from + "/" + to);
            }
        }
    }

    /** Checks the rule at once, so a bad reference file fails at start-up rather than in a report. */
    public ThemedDay {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException(key + ": no rule");
        }
        datesIn(2000, rule);
    }

    /** Where the rule places this day in {@code year}. */
    public Dates in(int year) {
        return datesIn(year, rule);
    }

    private static Dates datesIn(int year, String rule) {
        String text = rule.trim().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = RANGE.matcher(text)).matches()) {
            return new Dates(date(year, m.group(1), m.group(2)), date(year, m.group(3), m.group(4)));
        }
        if ((m = DAY.matcher(text)).matches()) {
            LocalDate day = date(year, m.group(1), m.group(2));
            return new Dates(day, day);
        }
        if ((m = MONTH.matcher(text)).matches()) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(1)));
            return new Dates(month.atDay(1), month.atEndOfMonth());
        }
        if ((m = WEEKEND.matcher(text)).matches()) {
            LocalDate saturday = nth(year, m.group(2), ordinal(m.group(1), rule), DayOfWeek.SATURDAY);
            return new Dates(saturday, saturday.plusDays(1));
        }
        if ((m = DAYS_FROM.matcher(text)).matches()) {
            int days = Integer.parseInt(m.group(1));
            LocalDate first = nth(year, m.group(4), ordinal(m.group(2), rule), weekday(m.group(3), rule));
            return new Dates(first, first.plusDays(days - 1L));
        }
        throw new IllegalArgumentException("not a themed-day rule: " + rule);
    }

    private static LocalDate date(int year, String month, String day) {
        try {
            return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a day: " + month + "-" + day, e);
        }
    }

    private static LocalDate nth(int year, String month, int ordinal, DayOfWeek weekday) {
        return YearMonth.of(year, Integer.parseInt(month)).atDay(1)
                .with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
    }

    private static int ordinal(String word, String rule) {
        int index = ORDINALS.indexOf(word);
        if (index < 0) {
            throw new IllegalArgumentException("not an ordinal in " + rule + ": " + word);
        }
        return index + 1;
    }

    private static DayOfWeek weekday(String word, String rule) {
        try {
            return DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a weekday in " + rule + ": " + word, e);
        }
    }
}
