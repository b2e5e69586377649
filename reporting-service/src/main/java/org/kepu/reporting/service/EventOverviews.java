package org.kepu.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.divisions.Divisions;
import org.kepu.reporting.domain.EventOverview;
import org.kepu.reporting.domain.ReportScope;
import org.kepu.reporting.repository.EventOverviewRepository;

/** The events overview of a year and a scope. */
@ApplicationScoped
public class EventOverviews {

    private final EventOverviewRepository overviews;
    private final Divisions divisions;

    public EventOverviews(EventOverviewRepository overviews, Divisions divisions) {
        this.overviews = overviews;
        this.divisions = divisions;
    }

    /** 400 naming {@code scope} when it is not one. */
    @Transactional
    public EventOverview of(int year, String scope) {
        return overviews.overview(year, ReportScope.parse(scope, divisions));
    }
}
