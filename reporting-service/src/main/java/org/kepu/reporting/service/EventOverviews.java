package org.kepu.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.divisions.Divisions;
import org.kepu.reporting.domain.EventOverview;
import org.kepu.reporting.domain.ReportScope;
import org.kepu.reporting.domain.VenueOverview;
import org.kepu.reporting.repository.EventOverviewRepository;
import org.kepu.reporting.repository.VenueOverviewRepository;

/** The overviews of a year and a scope: events, and places (venues, bases, touring stops). */
@ApplicationScoped
public class EventOverviews {

    private final EventOverviewRepository overviews;
    private final VenueOverviewRepository places;
    private final Divisions divisions;
    private final ReportCache cache;

    public EventOverviews(EventOverviewRepository overviews, VenueOverviewRepository places, Divisions divisions,
            ReportCache cache) {
        this.overviews = overviews;
        this.places = places;
        this.divisions = divisions;
        this.cache = cache;
    }

    /** 400 naming {@code scope} when it is not one. */
    @Transactional
    public VenueOverview places(int year, String scope) {
        ReportScope where = ReportScope.parse(scope, divisions);
        return cache.get("places|" + year + "|" + where.text(), () -> places.overview(year, where));
    }

    /** 400 naming {@code scope} when it is not one. */
    @Transactional
    public EventOverview of(int year, String scope) {
        ReportScope where = ReportScope.parse(scope, divisions);
        return cache.get("events|" + year + "|" + where.text(), () -> overviews.overview(year, where));
    }
}
