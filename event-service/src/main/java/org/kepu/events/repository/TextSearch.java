package org.kepu.events.repository;

import org.kepu.events.domain.EventSearch;
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
 * Why windows: a common word has tens of thousands of matches; any index over the terms alone hands them all out
 * before the first can be ordered or the count can stop, and checking events soonest first meets many times more rows
 * than it counts (bench/README.md has the figures). With each term indexed
 * together with its event's window, and the city and county as terms, one window of a common word holds the page and
 * the count; a rare word costs one index look-up per window. Windows are in start order, so the matches of the windows
 * the page reaches, ordered, are the page: no event of a later window starts earlier.
 *
 * <p>
 * Why slices (V14): when one window holds the whole page, its matches must still be sorted to find the page, and a
 * common word has thousands in a window. Each key is also indexed with the 10-day slice its event
 * starts in, nine to a window, so the page then walks that window's slices the same way and sorts the matches of the
 * first one or two. The count keeps to whole windows, where a rare word costs one look-up each.
 */
@ApplicationScoped
class TextSearch {

    /** The event's terms, city and county, tagged with its window and with its slice, as the V14 indexes hold them. */
    private static final String SEARCH_KEYS = "kepu_search_keys(e.search_terms, e.city_code, e.division_code,"
            + " e.starts_at)";

    /** Slices to a window: 90 days of 10. */
    private static final int SLICES = 9;

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
                // The window that holds the whole page, if one does, walked the same way by its slices.
                + " holder AS MATERIALIZED (SELECT w.b, w.before FROM walk w"
                + " WHERE w.before <= :offset AND w.after >= :pageEnd),"
                + " slices(s, last, before, after) AS (SELECT " + SLICES + " * h.b - 1, " + SLICES + " * h.b + "
                + (SLICES - 1) + ", h.before, h.before FROM holder h"
                + " UNION ALL SELECT w.s + 1, w.last, w.after, w.after + (SELECT count(*) FROM (SELECT FROM "
                + inSlice(filters, "w.s + 1") + " LIMIT :pageEnd - w.after) m)"
                + " FROM slices w, q WHERE w.after < :pageEnd AND w.s < w.last),"
                // The page: the matches of the slices, or else of the windows, it reaches, in order.
                + " page AS MATERIALIZED (SELECT p.id, p.ord FROM (SELECT x.id, h.before + row_number() OVER (ORDER BY"
                + " x.starts_at, x.id) AS ord FROM holder h, slices w CROSS JOIN q CROSS JOIN LATERAL (SELECT e.id,"
                + " e.starts_at FROM " + inSlice(filters, "w.s") + ") x WHERE w.after > w.before"
                + " ORDER BY x.starts_at, x.id LIMIT :pageEnd) p WHERE p.ord > :offset AND p.ord <= :pageEnd"
                + " UNION ALL (SELECT x.id, row_number() OVER (ORDER BY x.starts_at, x.id) AS ord"
                + " FROM walk w CROSS JOIN q CROSS JOIN LATERAL (SELECT e.id, e.starts_at FROM " + inWindow(filters, "w.b")
                + ") x WHERE w.after > w.before AND w.before < :pageEnd AND NOT EXISTS (SELECT FROM holder)"
                + " ORDER BY x.starts_at, x.id LIMIT :limit OFFSET :offset)),"
                + " counted AS (SELECT max(w.after) AS n FROM walk w)"
                + " SELECT counted.n, " + EventRows.COLUMNS.select("ev")
                + " FROM counted LEFT JOIN (page JOIN event ev ON ev.id = page.id) ON true ORDER BY page.ord";
        return statement.read(sql, params, page, size);
    }

    /**
     * The rows of window {@code bucket} that match, as event {@code e}: the search index alone answers the inner select
     * (OFFSET 0 keeps the planner from combining it with a place or period index and then computing every candidate's
     * keys), the other filters then apply to those few rows.
     */
    private static String inWindow(SearchFilters filters, String bucket) {
        return matching(filters, "kepu_bucketed_terms(q.terms, " + bucket + ")");
    }

    /** The rows of slice {@code slice} that match, as event {@code e}; as {@link #inWindow}. */
    private static String inSlice(SearchFilters filters, String slice) {
        return matching(filters, "kepu_sliced_terms(q.terms, " + slice + ")");
    }

    private static String matching(SearchFilters filters, String keys) {
        return "(SELECT e.* FROM event e WHERE " + filters.candidates() + " AND " + SEARCH_KEYS + " @> " + keys
                + " OFFSET 0) e WHERE " + filters.where();
    }
}
