package org.kepu.venues.repository;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.common.geo.NearSql;
import org.kepu.common.search.SqlConditions;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.VenueKind;

/** The SQL condition of a public venue search over {@code venue v}, with its parameters. */
final class VenueFilters {

    /** Certified at a level on :today: a certificate past its validity has lapsed, whatever its stored status. */
    static final String CERTIFIED_TODAY = "v.cert_status = 'CERTIFIED' AND v.cert_valid_until >= :today";

    /**
     * Open at the local minute :minute of :day (ISO weekday :dow): a dated exception replaces the week's ranges for
     * its day, and one without ranges closes it.
     */
    private static final String OPEN_AT = "v.status = 'ACTIVE' AND CASE WHEN EXISTS (SELECT 1 FROM venue_dated_hours x"
            + " WHERE x.venue_id = v.id AND x.day = :day) THEN EXISTS (SELECT 1 FROM venue_dated_hours x"
            + " WHERE x.venue_id = v.id AND x.day = :day AND x.opens <= :minute AND :minute < x.closes)"
            + " ELSE EXISTS (SELECT 1 FROM venue_weekly_hours w WHERE w.venue_id = v.id AND w.day_of_week = :dow"
            + " AND w.opens <= :minute AND :minute < w.closes) END";

    private VenueFilters() {
    }

    static SqlConditions of(VenueSearch search, LocalDate today) {
        SqlConditions filters = new SqlConditions("v.status <> 'CLOSED'");
        if (search.divisionCode() != null) {
            filters.and(DivisionSql.within("v", search.divisionCode(), filters.liveParams()));
        }
        filters.and("v.economic_region = :region", "region", name(search.economicRegion()));
        filters.and("v.kind IN (:kinds)", "kinds", search.category() == null
                ? null
                : Arrays.stream(VenueKind.values()).filter(kind -> kind.category() == search.category())
                        .map(Enum::name).toList());
        filters.and("v.kind = :kind", "kind", name(search.kind()));
        if (search.level() != null) {
            filters.and(CERTIFIED_TODAY + " AND v.cert_level = :level", "level", search.level().name())
                    .bind("today", today);
        }
        filters.and("v.themes @> ARRAY[CAST(:theme AS text)]", "theme", name(search.theme()));
        filters.and("v.audiences @> ARRAY[CAST(:audience AS text)]", "audience", name(search.audience()));
        filters.and("v.accessibility @> ARRAY[CAST(:feature AS text)]", "feature", name(search.accessibility()));
        filters.and("v.facilities @> ARRAY[CAST(:facility AS text)]", "facility", name(search.facility()));
        if (search.openAt() != null) {
            ZonedDateTime local = search.openAt().atZoneSameInstant(OpeningHours.ZONE);
            filters.and(OPEN_AT).bind("day", local.toLocalDate())
                    .bind("dow", (short) local.getDayOfWeek().getValue())
                    .bind("minute", (short) (local.getHour() * 60 + local.getMinute()));
        }
        if (search.near() != null) {
            filters.and(NearSql.within("v"));
            NearSql.bind(search.near(), search.radiusKm(), filters.liveParams());
        }
        filters.and("v.search_terms @> kepu_query_terms(:text)", "text", search.text());
        return filters;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
