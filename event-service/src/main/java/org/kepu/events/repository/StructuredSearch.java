package org.kepu.events.repository;

import org.kepu.events.domain.EventSearch;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.paging.Page;
import org.kepu.events.domain.Event;

/**
 * A public search without free text, answered by one statement outside any transaction: the page's ids, the count up
 * to the cap and the page's rows in one round trip, read by plain JDBC into detached events ({@link EventPage}).
 *
 * <p>
 * Why one statement and no transaction (bench/README.md has the figures): each statement of a search was a round trip
 * and a plan, and BEGIN, {@code SET LOCAL} and COMMIT three more; Hibernate then hydrated the page's twenty wide rows
 * as managed entities and dirty-checked them at commit. These filters need no custom plans (their best plan does not
 * depend on the values), so the driver prepares each shape once per connection and PostgreSQL keeps its plan.
 */
@ApplicationScoped
class StructuredSearch {

    private final EventPage statement;

    StructuredSearch(EventPage statement) {
        this.statement = statement;
    }

    Page<Event> find(EventSearch search, SearchFilters filters, int page, int size) {
        if (search.near() != null) {
            return nearestFirst(search, filters, page, size);
        }
        return soonestFirst(filters, page, size);
    }

    /**
     * Soonest first: each part of the walk ({@link SearchFilters#startOrderedParts()}) hands out its first rows in
     * start order and stops, and the first {@code max(cap + 1, page end)} of them are both the count and the page.
     * One walk of about a hundred index entries, where the window's overlap alone made PostgreSQL read every match of
     * the window (1,600 for a month of Shenzhen) to sort them, and then walk them again to count.
     */
    private Page<Event> soonestFirst(SearchFilters filters, int page, int size) {
        Map<String, Object> params = filters.params();
        long offset = (long) page * size;
        params.put("offset", offset);
        params.put("pageEnd", offset + size);
        params.put("target", Math.max(Page.SEARCH_COUNT_LIMIT + 1, offset + size));
        String parts = filters.startOrderedParts().stream()
                .map(where -> "(SELECT e.id, e.starts_at FROM event e WHERE " + where
                        + " ORDER BY e.starts_at, e.id LIMIT :target)")
                .collect(Collectors.joining(" UNION ALL "));
        String sql = "WITH hits AS MATERIALIZED (SELECT h.id, row_number() OVER (ORDER BY h.starts_at, h.id) AS ord"
                + " FROM (" + parts + ") h ORDER BY h.starts_at, h.id LIMIT :target),"
                + " counted AS (SELECT least(count(*), " + (Page.SEARCH_COUNT_LIMIT + 1) + ") AS n FROM hits)"
                + " SELECT counted.n, " + EventRows.COLUMNS.select("ev") + " FROM counted LEFT JOIN (hits JOIN event ev"
                + " ON ev.id = hits.id AND hits.ord > :offset AND hits.ord <= :pageEnd) ON true ORDER BY hits.ord";
        return statement.read(sql, params, page, size);
    }

    /** Nearest first, or soonest first within a radius: the near index finds the candidates either way. */
    private Page<Event> nearestFirst(EventSearch search, SearchFilters filters, int page, int size) {
        if (search.effectiveOrder() == EventSearch.Order.DISTANCE) {
            return nearestWalk(search, filters, page, size);
        }
        Map<String, Object> params = filters.params();
        String where = filters.where();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String pageSql = "SELECT e.id, row_number() OVER (ORDER BY e.starts_at, e.id) AS ord FROM event e WHERE " + where
                + " ORDER BY e.starts_at, e.id LIMIT :limit OFFSET :offset";
        // The count goes with the page even when the page is empty (a page past the end still says the total).
        String sql = "WITH page AS MATERIALIZED (" + pageSql + "),"
                + " counted AS (SELECT count(*) AS n FROM (SELECT 1 FROM event e WHERE " + where + " LIMIT "
                + (Page.SEARCH_COUNT_LIMIT + 1) + ") m)"
                + " SELECT counted.n, " + EventRows.COLUMNS.select("ev")
                + " FROM counted LEFT JOIN (page JOIN event ev ON ev.id = page.id) ON true ORDER BY page.ord";
        return statement.read(sql, params, page, size);
    }

    /**
     * Nearest first in one walk of the near index: its first {@code max(cap + 1, page end)} points in the index's plane
     * order are the count, and they almost always hold the page too. The page is the exact order of the ring
     * {@link SearchFilters#nearestFirst} describes (every point the page can hold lies within the page end's plane
     * distance times the approximation's worst distortion); when the walk went past that ring, or found every match,
     * the ring is among its points. Only when it stopped short of the ring (a page far down a dense list) is the ring
     * read from the index again. Where the count, the page's edge and its ring were three walks of the index, this is
     * one.
     */
    private Page<Event> nearestWalk(EventSearch search, SearchFilters filters, int page, int size) {
        Map<String, Object> params = filters.params();
        String where = filters.where();
        long offset = (long) page * size;
        params.put("limit", size);
        params.put("offset", offset);
        params.put("target", Math.max(Page.SEARCH_COUNT_LIMIT + 1, offset + size));
        String rereadRing = SearchFilters.nearestFirst("e.id, row_number() OVER (ORDER BY "
                + SearchFilters.SHOWN_DISTANCE + ", e.id) AS ord", where, params, offset + size, search);
        String holdsRing = "(w.points < :target OR w.farthest > w.ring)";
        // The exact distance is worked out only for the ring's few rows, not for every point the count walks.
        String sql = "WITH hits AS MATERIALIZED (SELECT e.id, " + SearchFilters.NEAREST_FIRST + " AS d, e.latitude,"
                + " e.longitude FROM event e WHERE " + where + " ORDER BY " + SearchFilters.NEAREST_FIRST
                + " LIMIT :target),"
                + " walked AS MATERIALIZED (SELECT count(*) AS points, max(h.d) AS farthest, (SELECT max(f.d) FROM"
                + " (SELECT h.d FROM hits h ORDER BY h.d LIMIT :reach) f) * :distortion AS ring FROM hits h),"
                + " page AS MATERIALIZED ((SELECT r.id, row_number() OVER (ORDER BY r.shown, r.id) AS ord FROM"
                + " (SELECT h.id, " + SearchFilters.shownDistance("h") + " AS shown FROM hits h, walked w WHERE "
                + holdsRing + " AND h.d <= w.ring) r ORDER BY r.shown, r.id LIMIT :limit OFFSET :offset)"
                + " UNION ALL SELECT r.id, r.ord FROM (" + rereadRing + ") r WHERE NOT (SELECT " + holdsRing
                + " FROM walked w)),"
                + " counted AS (SELECT least(w.points, " + (Page.SEARCH_COUNT_LIMIT + 1) + ") AS n FROM walked w)"
                + " SELECT counted.n, " + EventRows.COLUMNS.select("ev")
                + " FROM counted LEFT JOIN (page JOIN event ev ON ev.id = page.id) ON true ORDER BY page.ord";
        return statement.read(sql, params, page, size);
    }
}
