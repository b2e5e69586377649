package org.kepu.events.repository;

import org.kepu.events.domain.EventSearch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.common.geo.NearSql;
import org.kepu.common.search.SqlConditions;

/**
 * The SQL condition of a public search's structured filters (place, time, vocabularies, organizer, distance) with its
 * parameters. Free text is kept apart because how it is best answered depends on how common the words are.
 */
final class SearchFilters {

    /** Great-circle distance in km from (:lat, :lon). */
    static final String DISTANCE_KM = NearSql.distanceKm("e");

    /** The event's point as the GiST index of V5 holds it. */
    static final String FLAT_POINT = NearSql.flatPoint("e");

    /** Nearest first from (:lat, :lon), in the order the GiST index hands points out (KNN), so a page stops early. */
    static final String NEAREST_FIRST = NearSql.nearestFirst("e");

    /**
     * The order a near-me list is shown in: the distance as the API shows it (km rounded half up to 0.01, as
     * {@code EventView} rounds), so that the list is in ascending {@code distanceKm} and equal ones are ordered by id.
     */
    static final String SHOWN_DISTANCE = shownDistance("e");

    /** The window's start, as a parameter. */
    private static final String FROM = "CAST(:from AS timestamptz)";

    /** The window's end, as a parameter. */
    private static final String TO = "CAST(:to AS timestamptz)";

    /** Rows whose character-pair terms contain every term of :text. */
    static final String TEXT = "e.search_terms @> kepu_query_terms(:text)";

    /**
     * Events that ended longer ago than this are marked {@code concluded} by the sweep (see V8), and left out of the
     * upcoming indexes.
     */
    static final Duration CONCLUDED_AFTER = Duration.ofDays(2);

    /**
     * A window starting no earlier than this before now may use the flag: every concluded event ended before it, with a
     * day to spare for the clocks of the service and the database disagreeing.
     */
    private static final Duration FLAG_TRUSTED_AFTER = CONCLUDED_AFTER.minusDays(1);

    private final SqlConditions conditions = new SqlConditions("e.status <> 'DRAFT'");

    private boolean hasFrom;

    private boolean hasTo;

    private boolean upcomingOnly;

    private SearchFilters() {
    }

    /** The filters of {@code search}, as asked at {@code now}. */
    static SearchFilters of(EventSearch search, Instant now) {
        SearchFilters filters = new SearchFilters();
        filters.place(search.divisionCode());
        filters.conditions.and("e.economic_region = :region", "region",
                search.economicRegion() == null ? null : search.economicRegion().name());
        filters.period(search, now);
        filters.typeAndAudience(search);
        filters.conditions.and("e.series_id = :series", "series", search.seriesId());
        filters.conditions.and("e.themes @> ARRAY[CAST(:theme AS text)]", "theme",
                search.theme() == null ? null : search.theme().name());
        filters.conditions.and("e.format = :format", "format", search.format() == null ? null : search.format().name());
        filters.conditions.and("e.organizer_org = :org", "org", search.organizerOrg());
        filters.near(search);
        return filters;
    }

    private void place(String code) {
        if (code != null) {
            conditions.and(DivisionSql.within("e", code, conditions.liveParams()));
        }
    }

    private void period(EventSearch search, Instant now) {
        if (search.from() == null && search.to() == null) {
            return;
        }
        hasFrom = search.from() != null;
        hasTo = search.to() != null;
        // Only events not yet concluded can end in a window starting now: lets the small upcoming indexes answer (V8).
        upcomingOnly = hasFrom && !search.from().toInstant().isBefore(now.minus(FLAG_TRUSTED_AFTER));
        if (hasFrom) {
            conditions.bind("from", search.from());
        }
        if (hasTo) {
            conditions.bind("to", search.to());
        }
    }

    /**
     * Upcoming near me names the type and the audience as literals, so that the planner can prove the predicate of
     * V15's near index for that one value (a parameter proves nothing to a generic plan) and the walk meets only the
     * events the filter keeps. Both are closed vocabularies: the literal is one of a few known words, each one
     * statement shape.
     */
    private void typeAndAudience(EventSearch search) {
        boolean literal = search.near() != null && upcomingOnly;
        if (search.type() != null && literal) {
            conditions.and("e.type = '" + search.type().name() + "'");
        } else if (search.type() != null) {
            conditions.and("e.type = :type", "type", search.type().name());
        }
        if (search.audience() != null && literal) {
            conditions.and("e.audiences @> ARRAY['" + search.audience().name() + "'::text]");
        } else if (search.audience() != null) {
            conditions.and("e.audiences @> ARRAY[CAST(:audience AS text)]", "audience", search.audience().name());
        }
    }

    private void near(EventSearch search) {
        if (search.near() == null) {
            return;
        }
        conditions.and(NearSql.within("e"));
        NearSql.bind(search.near(), search.radiusKm(), conditions.liveParams());
    }

    /** {@link #SHOWN_DISTANCE} of the row {@code alias}, which has {@code latitude} and {@code longitude}. */
    static String shownDistance(String alias) {
        return "floor(" + NearSql.distanceKm(alias) + " * 100 + 0.5)";
    }

    /**
     * The page nearest the search's point, in ascending shown distance, ties by id, selecting {@code select} from
     * {@code event e}. The GiST index hands out the nearest {@code reach} points in its plane approximation without
     * reading the rest, but that order is not the exact one (points within about 2 % of each other swap) and it cannot
     * break ties. So the first step finds how far the page reaches in the plane; every point of the exact first
     * {@code reach} lies within that distance times the approximation's worst distortion, and the second step orders
     * that ring exactly — a few rows more at most. Parameters {@code :limit} and {@code :offset} are the caller's.
     */
    static String nearestFirst(String select, String where, Map<String, Object> params, long reach,
            EventSearch search) {
        params.put("reach", reach);
        params.put("distortion", NearSql.flatDistortion(search.near().latitude(), search.radiusKm()));
        return "WITH edge AS (SELECT max(n.d) AS d FROM (SELECT " + NEAREST_FIRST + " AS d FROM event e WHERE " + where
                + " ORDER BY " + NEAREST_FIRST + " LIMIT :reach) n)"
                + " SELECT " + select + " FROM event e, edge WHERE " + where + " AND " + FLAT_POINT + " <@ circle("
                + NearSql.FLAT_HERE + ", edge.d * :distortion) ORDER BY " + SHOWN_DISTANCE + ", e.id"
                + " LIMIT :limit OFFSET :offset";
    }

    /**
     * The rows that can match at all, as the partial indexes name them: public events, and only those not yet
     * concluded when the window starts now. For a sub-select that must be answered by one particular index.
     */
    String candidates() {
        return upcomingOnly ? "e.status <> 'DRAFT' AND NOT e.concluded" : "e.status <> 'DRAFT'";
    }

    /** The condition, for a WHERE clause over {@code event e}. */
    String where() {
        String where = conditions.where();
        if (upcomingOnly) {
            where += " AND NOT e.concluded";
        }
        return hasFrom || hasTo ? where + " AND " + overlaps(hasFrom ? FROM : "NULL", hasTo ? TO : "NULL") : where;
    }

    /**
     * The same matches as {@link #where()}, as the conditions of the two parts a start-ordered walk reads them in: the
     * events already running when the window starts (all start before the rest; few, since most events last hours,
     * found by the GiST period indexes as those overlapping that instant) and the events starting within the window
     * (a B-tree over place and start hands them out in order, so a page stops after its rows). Without a start there
     * is only the second part. Not for a search with a point: the near index, not a walk in time, finds those.
     */
    List<String> startOrderedParts() {
        String rest = conditions.where();
        String starting = rest + (hasFrom ? " AND e.starts_at >= " + FROM : "")
                + (hasTo ? " AND e.starts_at <= " + TO : "");
        if (!hasFrom) {
            return List.of(starting);
        }
        // An event starting in the window cannot be concluded when the window starts now (see upcomingOnly), so only
        // the running part needs the flag that picks the small indexes.
        String running = rest + (upcomingOnly ? " AND NOT e.concluded" : "") + " AND e.starts_at < " + FROM + " AND "
                + overlaps(FROM, FROM);
        return List.of(running, starting);
    }

    /** The event overlaps [from, to] (ends included; NULL is open), in the form the GiST period indexes answer. */
    private static String overlaps(String from, String to) {
        return "tstzrange(e.starts_at, e.ends_at, '[]') && tstzrange(" + from + ", " + to + ", '[]')";
    }

    /** The condition's parameters, a copy to add the query's own to. */
    Map<String, Object> params() {
        return conditions.params();
    }
}
