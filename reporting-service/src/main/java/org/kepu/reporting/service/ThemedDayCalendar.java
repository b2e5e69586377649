package org.kepu.reporting.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.vocabulary.Theme;
import org.kepu.reporting.domain.ThemedDay;
import org.kepu.reporting.domain.ThemedDay.Dates;
import org.kepu.reporting.repository.ThemedDayRepository;

/**
 * The themed days of {@code themed-days.csv} and where each falls in a year: on the dates an admin recorded as
 * announced, or else by its rule. Must be called inside a transaction.
 */
@ApplicationScoped
public class ThemedDayCalendar {

    /** The key of 科技活动周, which the Guangzhou plan's targets are measured in. */
    public static final String SCIENCE_WEEK = "science-week";

    private static final String FILE = "/org/kepu/reporting/themed-days.csv";

    private final List<ThemedDay> days;
    private final ThemedDayRepository announced;

    public ThemedDayCalendar(ThemedDayRepository announced) {
        this.announced = announced;
        this.days = load();
    }

    /** A day placed in a year, and whether the dates were announced (rather than taken from the rule). */
    public record Placed(ThemedDay day, Dates dates, boolean announced) {
    }

    public List<ThemedDay> days() {
        return days;
    }

    public Optional<ThemedDay> find(String key) {
        return days.stream().filter(day -> day.key().equals(key)).findFirst();
    }

    /** Every themed day in {@code year}, in the file's (calendar) order. */
    public List<Placed> in(int year) {
        Map<String, Dates> recorded = announced.datesIn(year);
        return days.stream().map(day -> recorded.containsKey(day.key())
                ? new Placed(day, recorded.get(day.key()), true)
                : new Placed(day, day.in(year), false)).toList();
    }

    /** One themed day in {@code year}. */
    public Placed in(ThemedDay day, int year) {
        Dates recorded = announced.datesIn(year).get(day.key());
        return recorded != null ? new Placed(day, recorded, true) : new Placed(day, day.in(year), false);
    }

    private static List<ThemedDay> load() {
        try (InputStream in = ThemedDayCalendar.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("key,"))
                    .map(ThemedDayCalendar::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThemedDay parse(String line) {
        // No field of this file holds a comma, so a split is enough.
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw new IllegalStateException(FILE + ": not 5 fields: " + line);
        }
        return new ThemedDay(f[0], f[1], f[2], f[3], Theme.valueOf(f[4].toUpperCase(Locale.ROOT).replace('-', '_')));
    }
}
