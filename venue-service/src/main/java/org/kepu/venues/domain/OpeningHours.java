package org.kepu.venues.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.rules.DomainException.FieldError;
import org.kepu.common.rules.DomainException;

/**
 * When a venue is open: a weekly schedule of several ranges a day, and dated exceptions that replace the week's ranges
 * for their day (no range: closed all day, as for 春节; other ranges: a special opening, as for 全国科普日). All times are
 * local to Asia/Shanghai, which keeps no daylight saving time, so a local day is always 24 hours.
 */
public final class OpeningHours {

    /** The zone every venue's hours are kept in. */
    public static final ZoneId ZONE = ProvinceTime.ZONE;

    /** How far ahead "when does it open next" looks. */
    static final int NEXT_OPENING_HORIZON_DAYS = 400;

    /**
     * A day's exception.
     *
     * @param ranges the day's opening ranges; empty means closed all day
     * @param note why, as visitors should read it (春节闭馆, 全国科普日延时开放)
     */
    public record DayException(List<TimeRange> ranges, String note) {
    }

    /**
     * One concrete opening.
     *
     * @param note the exception's note when the interval comes from one
     */
    public record Interval(OffsetDateTime opens, OffsetDateTime closes, String note) {
    }

    /** A day closed by an exception, with its note. */
    public record Closure(LocalDate date, String note) {
    }

    private final Map<DayOfWeek, List<TimeRange>> weekly;
    private final TreeMap<LocalDate, DayException> exceptions;

    private OpeningHours(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, DayException> exceptions) {
        this.weekly = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> this.weekly.put(day, sorted(ranges)));
        this.exceptions = new TreeMap<>();
        exceptions.forEach((date, exception) -> this.exceptions.put(date,
                new DayException(sorted(exception.ranges()), exception.note())));
    }

    /** No opening at all: a venue whose hours are not known yet, or that takes visitors by appointment only. */
    public static OpeningHours none() {
        return new OpeningHours(Map.of(), Map.of());
    }

    /** Hours already checked (read back from storage). */
    public static OpeningHours of(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, DayException> exceptions) {
        return new OpeningHours(weekly, exceptions);
    }

    /**
     * Hours as a client sends them, checked: every time "HH:mm" (closing up to 24:00), each range closing after it
     * opens, no two ranges of a day overlapping, each date listed once. Every fault is named by its field, e.g.
     * {@code weekly.TUESDAY[1].closes}, in one 400.
     */
    public static OpeningHours parse(Map<DayOfWeek, List<OpeningRange>> weekly, List<OpeningException> exceptions) {
        List<FieldError> errors = new ArrayList<>();
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((day, ranges) -> week.put(day, ranges(ranges, "weekly." + day, errors)));
        }
        Map<LocalDate, DayException> dated = new TreeMap<>();
        if (exceptions != null) {
            for (int i = 0; i < exceptions.size(); i++) {
                OpeningException exception = exceptions.get(i);
                String field = "exceptions[" + i + "]";
                if (exception == null) {
                    errors.add(new FieldError(field, "must not be null"));
                    continue;
                }
                boolean hasRanges = exception.ranges() != null && !exception.ranges().isEmpty();
                if (exception.closed() && hasRanges) {
                    errors.add(new FieldError(field + ".ranges", "must be empty on a day that is closed"));
                } else if (!exception.closed() && !hasRanges) {
                    errors.add(new FieldError(field + ".ranges", "must list the day's openings, or set closed"));
                }
                List<TimeRange> ranges = ranges(exception.ranges(), field + ".ranges", errors);
                if (exception.date() == null) {
                    errors.add(new FieldError(field + ".date", "is required"));
                } else if (dated.put(exception.date(), new DayException(ranges, exception.note())) != null) {
                    errors.add(new FieldError(field + ".date", exception.date() + " is listed twice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new OpeningHours(week, dated);
    }

    /** A range as a client sends it: "HH:mm" times. */
    public record OpeningRange(String opens, String closes) {
    }

    /**
     * A dated exception as a client sends it: closed all day (no ranges), or open at other times.
     *
     * @param note why, as visitors should read it (春节闭馆)
     */
    public record OpeningException(LocalDate date, boolean closed, List<OpeningRange> ranges, String note) {
    }

    private static List<TimeRange> ranges(List<OpeningRange> given, String field, List<FieldError> errors) {
        List<TimeRange> ranges = new ArrayList<>();
        if (given == null) {
            return ranges;
        }
        for (int i = 0; i < given.size(); i++) {
            OpeningRange range = given.get(i);
            String at = field + "[" + i + "]";
            if (range == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            int opens = TimeRange.parse(range.opens());
            int closes = TimeRange.parse(range.closes());
            if (opens < 0 || opens == TimeRange.END_OF_DAY) {
                errors.add(new FieldError(at + ".opens", "must be a time of day as HH:mm, from 00:00 to 23:59"));
            }
            if (closes < 0) {
                errors.add(new FieldError(at + ".closes", "must be a time of day as HH:mm, up to 24:00"));
            }
            if (opens < 0 || opens == TimeRange.END_OF_DAY || closes < 0) {
                continue;
            }
            if (closes <= opens) {
                errors.add(new FieldError(at + ".closes", "must be after opens (" + range.opens()
                        + "); a venue open past midnight gives the next day its own range from 00:00"));
                continue;
            }
            TimeRange candidate = new TimeRange(opens, closes);
            for (int j = 0; j < ranges.size(); j++) {
                if (ranges.get(j).overlaps(candidate)) {
                    errors.add(new FieldError(at, "overlaps " + TimeRange.format(ranges.get(j).opens()) + "–"
                            + TimeRange.format(ranges.get(j).closes()) + " of the same day"));
                }
            }
            ranges.add(candidate);
        }
        return ranges;
    }

    public Map<DayOfWeek, List<TimeRange>> weekly() {
        return weekly;
    }

    public Map<LocalDate, DayException> exceptions() {
        return exceptions;
    }

    /** The day's ranges: its exception's if it has one, else its weekday's. */
    public List<TimeRange> rangesOn(LocalDate date) {
        DayException exception = exceptions.get(date);
        if (exception != null) {
            return exception.ranges();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** Every opening from the start of {@code from} to the end of {@code to}, both local dates, in time order. */
    public List<Interval> intervals(LocalDate from, LocalDate to) {
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            DayException exception = exceptions.get(date);
            for (TimeRange range : rangesOn(date)) {
                intervals.add(interval(date, range, exception == null ? null : exception.note()));
            }
        }
        return intervals;
    }

    /** The days closed by an exception from {@code from} to {@code to}. */
    public List<Closure> closures(LocalDate from, LocalDate to) {
        return exceptions.subMap(from, true, to, true).entrySet().stream()
                .filter(entry -> entry.getValue().ranges().isEmpty())
                .map(entry -> new Closure(entry.getKey(), entry.getValue().note())).toList();
    }

    /** The opening that covers the instant, if any. */
    public Optional<Interval> intervalAt(OffsetDateTime at) {
        ZonedDateTime local = at.atZoneSameInstant(ZONE);
        LocalDate date = local.toLocalDate();
        int minute = local.getHour() * 60 + local.getMinute();
        DayException exception = exceptions.get(date);
        return rangesOn(date).stream().filter(range -> range.contains(minute)).findFirst()
                .map(range -> interval(date, range, exception == null ? null : exception.note()));
    }

    /** The first opening that starts after the instant, within about a year; empty if none. */
    public Optional<Interval> nextOpeningAfter(OffsetDateTime at) {
        ZonedDateTime local = at.atZoneSameInstant(ZONE);
        LocalDate date = local.toLocalDate();
        for (int day = 0; day <= NEXT_OPENING_HORIZON_DAYS; day++) {
            LocalDate candidate = date.plusDays(day);
            DayException exception = exceptions.get(candidate);
            for (TimeRange range : rangesOn(candidate)) {
                Interval interval = interval(candidate, range, exception == null ? null : exception.note());
                if (interval.opens().isAfter(at)) {
                    return Optional.of(interval);
                }
            }
        }
        return Optional.empty();
    }

    private static Interval interval(LocalDate date, TimeRange range, String note) {
        OffsetDateTime start = date.atStartOfDay(ZONE).toOffsetDateTime();
        return new Interval(start.plusMinutes(range.opens()), start.plusMinutes(range.closes()), note);
    }

    private static List<TimeRange> sorted(List<TimeRange> ranges) {
        return ranges.stream().sorted(Comparator.comparingInt(TimeRange::opens)).toList();
    }
}
