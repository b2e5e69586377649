package org.kepu.events.repository;

import java.util.Map;

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
        Map<String, Object> params = filters.params();
        String where = filters.where();
        long offset = (long) page * size;
        params.put("limit", size);
        params.put("offset", offset);
        String pageSql = search.near() != null && search.effectiveOrder() == EventSearch.Order.DISTANCE
                ? SearchFilters.nearestFirst("e.id, row_number() OVER (ORDER BY " + SearchFilters.SHOWN_DISTANCE
                        + ", e.id) AS ord", where, params, offset + size, search)
                : "SELECT e.id, row_number() OVER (ORDER BY e.starts_at, e.id) AS ord FROM event e WHERE " + where
                        + " ORDER BY e.starts_at, e.id LIMIT :limit OFFSET :offset";
        // The count goes with the page even when the page is empty (a page past the end still says the total).
        String sql = "WITH page AS MATERIALIZED (" + pageSql + "),"
                + " counted AS (SELECT count(*) AS n FROM (SELECT 1 FROM event e WHERE " + where + " LIMIT "
                + (Page.SEARCH_COUNT_LIMIT + 1) + ") m)"
                + " SELECT counted.n, " + EventRows.columns("ev")
                + " FROM counted LEFT JOIN (page JOIN event ev ON ev.id = page.id) ON true ORDER BY page.ord";
        return statement.read(sql, params, page, size);
    }
}
