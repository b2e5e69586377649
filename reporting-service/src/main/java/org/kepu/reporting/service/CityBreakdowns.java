package org.kepu.reporting.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.divisions.Division;
import org.kepu.common.divisions.Divisions;
import org.kepu.reporting.domain.CityCount;
import org.kepu.reporting.repository.EventSummaryRepository;
import org.kepu.reporting.repository.VenueSummaryRepository;

/** Figures per prefecture-level city; every one of the 21 cities is listed, with zero where there is nothing. */
@ApplicationScoped
public class CityBreakdowns {

    /** Statuses of events that were published and not withdrawn. */
    static final List<String> PUBLISHED_STATUSES = List.of("PUBLISHED", "COMPLETED");

    private final EventSummaryRepository events;
    private final VenueSummaryRepository venues;
    private final Divisions divisions;

    public CityBreakdowns(EventSummaryRepository events, VenueSummaryRepository venues, Divisions divisions) {
        this.events = events;
        this.venues = venues;
        this.divisions = divisions;
    }

    @Transactional
    public List<CityCount> publishedEvents() {
        return everyCity(events.countByCity(PUBLISHED_STATUSES));
    }

    @Transactional
    public List<CityCount> venues() {
        return everyCity(venues.countByCity());
    }

    private List<CityCount> everyCity(Map<String, Long> counts) {
        return divisions.all().stream().filter(d -> d.level() == Division.Level.CITY)
                .map(city -> new CityCount(city.code(), city.name(), city.economicRegion().name(),
                        counts.getOrDefault(city.code(), 0L)))
                .toList();
    }
}
