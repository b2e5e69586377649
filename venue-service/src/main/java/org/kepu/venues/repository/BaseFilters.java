package org.kepu.venues.repository;

import java.time.LocalDate;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.common.search.SqlConditions;
import org.kepu.venues.domain.BaseSearch;

/** The SQL condition of the education-base list over {@code venue v}: every venue with a certification history. */
final class BaseFilters {

    private BaseFilters() {
    }

    static SqlConditions of(BaseSearch search, LocalDate today) {
        SqlConditions filters = new SqlConditions("v.cert_status IS NOT NULL");
        filters.and("v.cert_level = :level", "level", search.level() == null ? null : search.level().name());
        if (search.status() != null) {
            switch (search.status()) {
                case CERTIFIED -> filters.and(VenueFilters.CERTIFIED_TODAY).bind("today", today);
                case NOT_YET_VALID -> filters.and("v.cert_status = 'CERTIFIED' AND " + ValiditySql.notBegunOn(":today"))
                        .bind("today", today);
                case LAPSED -> filters.and("v.cert_status = 'CERTIFIED' AND " + ValiditySql.endedBefore(":today"))
                        .bind("today", today);
                default -> filters.and("v.cert_status = :status", "status", search.status().name());
            }
        }
        if (search.divisionCode() != null) {
            filters.and(DivisionSql.within("v", search.divisionCode(), filters.liveParams()));
        }
        filters.and("v.economic_region = :region", "region",
                search.economicRegion() == null ? null : search.economicRegion().name());
        if (search.evaluationDue() != null) {
            // EVALUATE takes only a year the certificate holds on some day of, so no other year can be due.
            filters.and(VenueFilters.CERTIFIED_TODAY + " AND (v.cert_last_evaluated IS NULL OR v.cert_last_evaluated"
                    + " < :dueYear) AND " + ValiditySql.overlapsYear(":dueYear")).bind("today", today)
                    .bind("dueYear", search.evaluationDue());
        }
        return filters;
    }
}
