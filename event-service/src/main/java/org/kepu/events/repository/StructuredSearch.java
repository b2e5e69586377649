package org.kepu.events.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.kepu.common.paging.Page;
import org.kepu.common.search.NamedSql;
import org.kepu.events.domain.Event;

/**
 * A public search without free text, answered by one statement outside any transaction: the page's ids, the count up
 * to the cap and the page's rows in one round trip, read by plain JDBC into detached events.
 *
 * <p>
 * Why one statement and no transaction (bench/README.md has the figures): each statement of a search was a round trip
 * and a plan, and BEGIN, {@code SET LOCAL} and COMMIT three more; Hibernate then hydrated the page's twenty wide rows
 * as managed entities and dirty-checked them at commit. These filters need no custom plans (their best plan does not
 * depend on the values), so the driver prepares each shape once per connection and PostgreSQL keeps its plan.
 */
@ApplicationScoped
class StructuredSearch {

    private final DataSource database;

    StructuredSearch(DataSource database) {
        this.database = database;
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
                + (Page.COUNT_LIMIT + 1) + ") m)"
                + " SELECT counted.n, " + EventRows.columns("ev")
                + " FROM counted LEFT JOIN (page JOIN event ev ON ev.id = page.id) ON true ORDER BY page.ord";
        try (Connection connection = database.getConnection();
                PreparedStatement statement = NamedSql.of(sql).prepare(connection, params);
                ResultSet rows = statement.executeQuery()) {
            long counted = 0;
            List<Event> items = new ArrayList<>(size);
            while (rows.next()) {
                counted = rows.getLong(1);
                if (rows.getObject(2) != null) {
                    items.add(EventRows.read(rows, 2));
                }
            }
            return Page.of(items, counted, page, size);
        } catch (SQLException e) {
            throw new PersistenceException("the event search failed", e);
        }
    }
}
