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
import org.kepu.common.persistence.EntityColumns;
import org.kepu.common.search.NamedSql;
import org.kepu.events.domain.Event;

/**
 * Runs a search statement that answers a whole page in one round trip, outside any transaction: each row carries the
 * count up to the search cap ({@link Page#SEARCH_COUNT_LIMIT}) as {@code n}, then the columns of {@link EventRows} for one event of
 * the page (null when the page is empty, so that a page past the end still says the total), in the page's order. Read
 * by plain JDBC into detached events.
 */
@ApplicationScoped
class EventPage {

    private final DataSource database;

    EventPage(DataSource database) {
        this.database = database;
    }

    /** The statement's page, its SQL written with named parameters. */
    Page<Event> read(String sql, Map<String, Object> params, int page, int size) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = NamedSql.of(sql).prepare(connection, params);
                ResultSet rows = statement.executeQuery()) {
            long counted = 0;
            List<Event> items = new ArrayList<>(size);
            EntityColumns.Reader<Event> events = EventRows.COLUMNS.reader(rows);
            int count = rows.findColumn("n");
            int id = rows.findColumn("id");
            while (rows.next()) {
                counted = rows.getLong(count);
                if (rows.getObject(id) != null) {
                    items.add(events.read());
                }
            }
            return Page.of(items, counted, Page.SEARCH_COUNT_LIMIT, page, size);
        } catch (SQLException e) {
            throw new PersistenceException("the event search failed", e);
        }
    }
}
