package org.kepu.reporting.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The schemas a rebuild works in. Fresh tables are made in {@code kepu_rebuild} just like the live ones in
 * {@code public} (columns, defaults, constraints, and indexes under the same names, so later migrations still find
 * them); the swap moves the live tables to {@code kepu_retired} and the rebuilt ones to {@code public} in one
 * transaction. Readers wait only for the moves themselves: the tables are locked against writes (not reads) while the
 * replay catches up.
 */
@ApplicationScoped
public class ReadModelSchemas {

    /** Where the replay writes; a transaction that sets this first in its search path writes the fresh tables. */
    public static final String REBUILD = "kepu_rebuild";
    private static final String RETIRED = "kepu_retired";

    /** The tables a replay builds afresh: the read models fed from Kafka and the inbox that says what they applied. */
    public static final List<String> TABLES = List.of("event_summary", "event_tally", "event_theme_tally",
            "registration_summary", "venue_summary", "booking_summary", "tour_stop_summary", "processed_message");

    /** Drops any earlier attempt and makes empty copies of the read-model tables in {@value #REBUILD}. */
    public void prepare(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + REBUILD + " CASCADE");
            sql.execute("CREATE SCHEMA " + REBUILD);
            for (String table : TABLES) {
                sql.execute("CREATE TABLE " + REBUILD + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
                renameIndexesAfter(sql, table);
            }
            for (String table : TABLES) {
                copyTriggers(sql, table);
            }
        }
    }

    /**
     * LIKE copies no triggers; give the fresh table the live one's (event_summary's keep the tallies), so that the
     * replay's writes keep the fresh tallies as the live consumers keep the live ones.
     */
    private static void copyTriggers(Statement sql, String table) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger"
                + " WHERE tgrelid = 'public." + table + "'::regclass AND NOT tgisinternal")) {
            while (rows.next()) {
                definitions.add(rows.getString("definition"));
            }
        }
        for (String definition : definitions) {
            sql.execute(definition.replaceFirst(" ON (public\\.)?" + table + " ", " ON " + REBUILD + "." + table + " "));
        }
    }

    /**
     * Locks the live tables against writes, runs {@code catchUp} (which writes only the rebuilt tables, on other
     * connections), then swaps the tables and commits. On any failure the transaction rolls back and nothing moved.
     */
    public void swap(Connection connection, Duration lockTimeout, Runnable catchUp) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            sql.execute("LOCK TABLE " + String.join(", ", TABLES.stream().map(t -> "public." + t).toList())
                    + " IN EXCLUSIVE MODE");
            catchUp.run();
            sql.execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
            sql.execute("CREATE SCHEMA " + RETIRED);
            for (String table : TABLES) {
                sql.execute("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
                sql.execute("ALTER TABLE " + REBUILD + "." + table + " SET SCHEMA public");
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Drops what a rebuild leaves: the retired tables, or an attempt that failed. */
    public void cleanUp(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
            sql.execute("DROP SCHEMA IF EXISTS " + REBUILD + " CASCADE");
        }
    }

    /** Takes the single-rebuild lock for this connection's session; false when another rebuild holds it. */
    public boolean tryLock(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(
                        "SELECT pg_try_advisory_lock(hashtext('kepu.reporting.rebuild')) AS locked")) {
            row.next();
            return row.getBoolean("locked");
        }
    }

    public void unlock(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_advisory_unlock(hashtext('kepu.reporting.rebuild'))");
        }
    }

    /** LIKE … INCLUDING ALL names indexes anew; give each the live index's name, matched by its definition. */
    private static void renameIndexesAfter(Statement sql, String table) throws SQLException {
        Map<String, String> live = indexesByShape(sql, "public." + table);
        Map<String, String> fresh = indexesByShape(sql, REBUILD + "." + table);
        for (Map.Entry<String, String> index : fresh.entrySet()) {
            String name = live.get(index.getKey());
            if (name != null && !name.equals(index.getValue())) {
                sql.execute("ALTER INDEX " + REBUILD + ".\"" + index.getValue() + "\" RENAME TO \"" + name + "\"");
            }
        }
    }

    private static Map<String, String> indexesByShape(Statement sql, String table) throws SQLException {
        Map<String, String> byShape = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT c.relname AS name, regexp_replace(pg_get_indexdef(c.oid),"
                + " '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ', '') AS shape FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = '" + table + "'::regclass")) {
            while (rows.next()) {
                byShape.put(rows.getString("shape"), rows.getString("name"));
            }
        }
        return byShape;
    }
}
