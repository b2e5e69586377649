package org.kepu.events.repository;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.divisions.DivisionCodes;
import org.kepu.common.paging.Page;
import org.kepu.events.domain.Event;

/**
 * Free text, soonest first, answered by one statement outside any transaction that walks the 90-day windows events
 * start in (V12), earliest first, and stops as soon as it has the page and the count up to the cap.
 *
 * <p>
 * Why windows: a common word (数据 is in 6 % of events) has tens of thousands of matches; any index over the terms
 * alone hands them all out before the first can be ordered or the count can stop (30 ms for 56,000 in a bitmap), and
 * the older plan of checking events soonest first met 18,000 rows to count 1,000 matches. With each term indexed
 * together with its event's window, and the city and county as terms, one window of a common word holds the page and
 * the count; a rare word costs one index look-up per window. Windows are in start order, so the matches of the windows the page reaches,
 * ordered, are the page: no event of a later window starts earlier.
 */
@ApplicationScoped
class TextSearch {

    /** The event's terms, city and county, tagged with the window its start falls in, as the V12 indexes hold them. */
    private static final String WINDOWED_TERMS = "kepu_windowed_terms(e.search_terms, e.city_code, e.division_code,"
            + " e.starts_at)";

    private final EventPage statement;

    TextSearch(EventPage statement) {
        this.statement = statement;
    }

    Page<Event> find(EventSearch search, SearchFilters filters, int page, int size) {
        Map<String, Object> params = filters.params();
        long offset = (long) page * size;
        params.put("text", search.text());
        params.put("limit", size);
        params.put("offset", offset);
        params.put("pageEnd", offset + size);
        params.put("target", Math.max(Page.SEARCH_COUNT_LIMIT + 1, offset + size));
        // A city or county is a term of the windowed index, so a word rare in one place is found there, not filtered.
        String terms = "kepu_query_terms(:text)";
        String place = search.divisionCode();
        if (place != null && !DivisionCodes.isProvince(place)) {
            params.put("place", "@" + place);
            terms += " || ARRAY[CAST(:place AS text)]";
        }
        // Where the walk starts and ends: the earliest and latest start of a public event (the ends of an index).
        String last = search.to() == null
                ? "kepu_search_bucket(max(e.starts_at))"
                : "least(kepu_search_bucket(max(e.starts_at)), kepu_search_bucket(CAST(:to AS timestamptz)))";
        String sql = "WITH RECURSIVE q AS MATERIALIZED (SELECT " + terms + " AS terms),"
                + " span AS MATERIALIZED (SELECT kepu_search_bucket(min(e.starts_at)) AS first, " + last + " AS last"
                + " FROM event e WHERE e.status <> 'DRAFT'),"
                // One row per window looked at: the matches before it and up to it, counted up to the target.
                + " walk(b, before, after) AS (SELECT span.first - 1, 0::bigint, 0::bigint FROM span"
                + " UNION ALL SELECT w.b + 1, w.after, w.after + (SELECT count(*) FROM (SELECT FROM "
                + inWindow(filters, "w.b + 1") + " LIMIT :target - w.after) m)"
                + " FROM walk w, q, span WHERE w.after < :target AND w.b < span.last),"
                // The page: the matches of the windows it reaches, in order.
                + " page AS MATERIALIZED (SELECT x.id, row_number() OVER (ORDER BY x.starts_at, x.id) AS ord"
                + " FROM walk w CROSS JOIN q CROSS JOIN LATERAL (SELECT e.id, e.starts_at FROM " + inWindow(filters, "w.b")
                + ") x"
                + " WHERE w.after > w.before AND w.before < :pageEnd ORDER BY x.starts_at, x.id LIMIT :limit OFFSET :offset),"
                + " counted AS (SELECT max(w.after) AS n FROM walk w)"
                + " SELECT counted.n, " + EventRows.columns("ev")
                + " FROM counted LEFT JOIN (page JOIN event ev ON ev.id = page.id) ON true ORDER BY page.ord";
        return statement.read(sql, params, page, size);
    }

    /**
     * The rows of window {@code bucket} that match, as event {@code e}: the windowed index alone answers the inner
     * select (OFFSET 0 keeps the planner from combining it with a place or period index and then computing every
     * candidate's windowed terms), the other filters then apply to those few rows.
     */
    private static String inWindow(SearchFilters filters, String bucket) {
        return "(SELECT e.* FROM event e WHERE " + filters.candidates() + " AND " + WINDOWED_TERMS
                + " @> kepu_bucketed_terms(q.terms, " + bucket + ") OFFSET 0) e WHERE " + filters.where();
    }
}
