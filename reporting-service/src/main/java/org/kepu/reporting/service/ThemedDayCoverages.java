package org.kepu.reporting.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.divisions.Division;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.rules.DomainException;
import org.kepu.reporting.domain.ReportScope;
import org.kepu.reporting.domain.ThemedDay;
import org.kepu.reporting.domain.ThemedDay.Dates;
import org.kepu.reporting.domain.ThemedDayCoverage;
import org.kepu.reporting.domain.ThemedDayCoverage.Area;
import org.kepu.reporting.domain.ThemedDayCoverage.Day;
import org.kepu.reporting.repository.ThemedDayRepository;
import org.kepu.reporting.service.ThemedDayCalendar.Placed;

/** Themed-day coverage of a year and a scope, and the announced dates admins record. */
@ApplicationScoped
public class ThemedDayCoverages {

    private final ThemedDayCalendar calendar;
    private final ThemedDayRepository repository;
    private final Divisions divisions;
    private final ReportCache cache;

    public ThemedDayCoverages(ThemedDayCalendar calendar, ThemedDayRepository repository, Divisions divisions,
            ReportCache cache) {
        this.calendar = calendar;
        this.repository = repository;
        this.divisions = divisions;
        this.cache = cache;
    }

    /** 400 naming {@code scope} when it is not one. */
    @Transactional
    public ThemedDayCoverage of(int year, String scopeText) {
        ReportScope scope = ReportScope.parse(scopeText, divisions);
        return cache.get("themed-days|" + year + "|" + scope.text(), () -> compute(year, scope));
    }

    private ThemedDayCoverage compute(int year, ReportScope scope) {
        List<Division> areas = areasOf(scope);
        boolean byCity = areas.stream().allMatch(area -> area.level() == Division.Level.CITY);
        String column = byCity ? "city_code" : "division_code";
        List<Day> days = calendar.in(year).stream().map(placed -> day(placed, scope, areas, column)).toList();
        return new ThemedDayCoverage(year, scope.text(), byCity ? "CITY" : "COUNTY", days,
                repository.eventsFreshAsOf());
    }

    /** Records a themed day's announced dates for a year; 404 for an unknown day, 400 for dates outside the year. */
    @Transactional
    public Placed record(String key, int year, Dates dates, String source) {
        ThemedDay day = calendar.find(key)
                .orElseThrow(() -> DomainException.notFound("Themed day", key));
        if (dates.from().getYear() != year && dates.to().getYear() != year) {
            throw DomainException.invalid("from", "must fall in " + year);
        }
        repository.record(key, year, dates, source);
        cache.forgetAll();
        return calendar.in(day, year);
    }

    private Day day(Placed placed, ReportScope scope, List<Division> areas, String column) {
        Map<String, Long> events = repository.eventsOn(placed.dates(), scope, column);
        List<Area> byArea = areas.stream()
                .map(area -> new Area(area.code(), area.name(), events.getOrDefault(area.code(), 0L))).toList();
        ThemedDay day = placed.day();
        return new Day(day.key(), day.nameZh(), day.nameEn(), day.theme().name(), placed.dates().from(),
                placed.dates().to(), placed.announced(), (int) byArea.stream().filter(a -> a.events() > 0).count(),
                byArea.size(), byArea);
    }

    private List<Division> areasOf(ReportScope scope) {
        String text = scope.text();
        if ("PROVINCE".equals(text)) {
            return cities(null);
        }
        if (!Character.isDigit(text.charAt(0))) {
            return cities(Set.of(text.split("\\+")));
        }
        Division division = divisions.find(text).orElseThrow();
        if (division.level() == Division.Level.CITY) {
            List<Division> counties = divisions.all().stream()
                    .filter(d -> d.level() == Division.Level.COUNTY && text.equals(d.parentCode())).toList();
            return counties.isEmpty() ? List.of(division) : counties;
        }
        return List.of(division);
    }

    private List<Division> cities(Set<String> regions) {
        return divisions.all().stream().filter(d -> d.level() == Division.Level.CITY)
                .filter(d -> regions == null || regions.contains(d.economicRegion().name())).toList();
    }
}
