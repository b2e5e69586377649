package org.kepu.reporting.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.divisions.Division;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ValidityWindow;
import org.kepu.reporting.domain.CityCount;
import org.kepu.reporting.domain.Kpi;
import org.kepu.reporting.domain.KpiMetric;
import org.kepu.reporting.domain.ReportScope;
import org.kepu.reporting.domain.ThemedDay;
import org.kepu.reporting.repository.KpiRepository.Figure;
import org.kepu.reporting.repository.KpiRepository.Target;
import org.kepu.reporting.repository.KpiRepository;
import org.kepu.reporting.repository.PlanRepository;
import org.kepu.reporting.repository.ThemedDayRepository;

/** The plans' targets against what the facts show: actual, gap, met, and how fresh. */
@ApplicationScoped
public class KpiReport {

    private final KpiRepository kpis;
    private final Divisions divisions;
    private final ThemedDayCalendar calendar;
    private final ThemedDayRepository themedDays;
    private final PlanRepository plans;

    public KpiReport(KpiRepository kpis, Divisions divisions, ThemedDayCalendar calendar,
            ThemedDayRepository themedDays, PlanRepository plans) {
        this.kpis = kpis;
        this.divisions = divisions;
        this.calendar = calendar;
        this.themedDays = themedDays;
        this.plans = plans;
    }

    /** Every target of the year, measured. */
    @Transactional
    public List<Kpi> ofYear(int year) {
        return kpis.targets(year).stream().map(this::measure).toList();
    }

    /** Sets a target; 400 naming the scope when the measure cannot be taken in it. */
    @Transactional
    public Kpi putTarget(KpiMetric metric, int year, String scope, BigDecimal value, String source) {
        if (!metric.accepts(scope) || scope.matches("\\d{6}") && divisions.find(scope).isEmpty()) {
            throw DomainException.invalid("scope", metric + " is measured in " + metric.scopes());
        }
        if (metric == KpiMetric.SCIENCE_WEEK_UNITS && plans.findByIdOptional(UUID.fromString(scope)).isEmpty()) {
            throw DomainException.invalid("scope", "is not a plan");
        }
        Target target = new Target(metric.name(), year, scope, value, source);
        kpis.putTarget(target);
        return measure(target);
    }

    /** The cities without a comprehensive science museum, for the museum target's follow-up. */
    @Transactional
    public List<CityCount> citiesWithoutScienceMuseum() {
        Set<String> with = new HashSet<>(kpis.citiesWithScienceMuseum());
        return cities().stream().filter(city -> !with.contains(city.code()))
                .map(city -> new CityCount(city.code(), city.name(), city.economicRegion().name(), 0)).toList();
    }

    private Kpi measure(Target target) {
        KpiMetric metric = KpiMetric.valueOf(target.metric());
        return switch (metric) {
            case PROVINCIAL_OR_HIGHER_BASES -> {
                // A certificate counts if it is in force at the year's end (today, while the year lasts).
                LocalDate asOf = ValidityWindow.yearEndOrToday(target.year(), Instant.now());
                Figure bases = kpis.certifiedBases(Set.of("NATIONAL", "PROVINCIAL"), asOf);
                yield Kpi.of(target.metric(), target.year(), target.scope(), target.value(),
                        BigDecimal.valueOf(bases.count()), target.source(), bases.freshAsOf());
            }
            case TOURING_STOPS -> {
                Figure stops = kpis.touringStops(Set.of(target.scope().split("\\+")), target.year());
                yield Kpi.of(target.metric(), target.year(), target.scope(), target.value(),
                        BigDecimal.valueOf(stops.count()), target.source(), stops.freshAsOf());
            }
            case CITIES_WITH_SCIENCE_MUSEUM -> {
                // "Every city at least N": the target is N per city, measured as how many cities reach it.
                int cities = cities().size();
                long with = kpis.citiesWithScienceMuseum().size();
                yield Kpi.of(target.metric(), target.year(), target.scope(), BigDecimal.valueOf(cities),
                        BigDecimal.valueOf(with), target.source(), kpis.venuesFreshAsOf());
            }
            case SCIENCE_WEEK_DISTRICTS -> {
                // "Each district runs its week": the target is N events per district, measured as how many reach it.
                String city = target.scope();
                List<Division> districts = divisions.all().stream()
                        .filter(d -> d.level() == Division.Level.COUNTY && city.equals(d.parentCode())).toList();
                Map<String, Long> events = themedDays.eventsOn(scienceWeek(target.year()), new ReportScope(city),
                        "division_code");
                long reached = districts.stream()
                        .filter(d -> events.getOrDefault(d.code(), 0L) >= target.value().longValue()).count();
                yield Kpi.of(target.metric(), target.year(), target.scope(), BigDecimal.valueOf(districts.size()),
                        BigDecimal.valueOf(reached), target.source(), themedDays.eventsFreshAsOf());
            }
            case SCIENCE_WEEK_UNITS -> {
                // "Each responsible unit holds at least N activities in the week": measured per unit of the plan.
                List<String> units = plans.tasks(UUID.fromString(target.scope())).stream()
                        .flatMap(task -> task.units().stream()).distinct().toList();
                Map<String, Long> events = themedDays.eventsByOrganizer(scienceWeek(target.year()), units);
                long reached = units.stream().filter(u -> events.getOrDefault(u, 0L) >= target.value().longValue())
                        .count();
                yield Kpi.of(target.metric(), target.year(), target.scope(), BigDecimal.valueOf(units.size()),
                        BigDecimal.valueOf(reached), target.source(), themedDays.eventsFreshAsOf());
            }
        };
    }

    /** 科技活动周's dates in {@code year}: as announced, or by its usual rule. */
    private ThemedDay.Dates scienceWeek(int year) {
        ThemedDay week = calendar.find(ThemedDayCalendar.SCIENCE_WEEK).orElseThrow();
        return calendar.in(week, year).dates();
    }

    private List<Division> cities() {
        return divisions.all().stream().filter(d -> d.level() == Division.Level.CITY).toList();
    }
}
