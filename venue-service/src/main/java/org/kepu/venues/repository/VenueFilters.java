package org.kepu.venues.repository;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.common.geo.NearSql;
import org.kepu.common.search.SqlConditions;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.domain.VenueSearch;

/** The SQL condition of a public venue search over {@code venue v}, with its parameters. */
final class VenueFilters {

    /**
     * Certified on :today: a certificate outside its validity (not begun, or lapsed) is not, whatever its stored
     * status.
     */
    static final String CERTIFIED_TODAY = "v.cert_status = 'CERTIFIED' AND " + ValiditySql.holdsOn(":today");

    /**
     * Open at the local minute :minute of :day, which is minute :weekMinute of its week: a dated exception replaces the
     * week's ranges for its day (one without ranges closes it); otherwise the venue's own row answers (V4's
     * {@code open_week}). The exceptions of the day are few, and read once per search, not once per venue.
     */
    private static final String OPEN_AT = "v.status = 'ACTIVE' AND CASE WHEN v.id IN (SELECT x.venue_id"
            + " FROM venue_dated_hours x WHERE x.day = :day) THEN v.id IN (SELECT x.venue_id FROM venue_dated_hours x"
            + " WHERE x.day = :day AND x.opens <= :minute AND :minute < x.closes)"
            + " ELSE v.open_week @> CAST(:weekMinute AS integer) END";

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
            int minute = local.getHour() * 60 + local.getMinute();
            filters.and(OPEN_AT).bind("day", local.toLocalDate()).bind("minute", (short) minute)
                    .bind("weekMinute", (local.getDayOfWeek().getValue() - 1) * 1440 + minute);
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
