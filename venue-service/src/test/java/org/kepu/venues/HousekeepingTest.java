package org.kepu.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kepu.common.housekeeping.Housekeeping;
import org.kepu.common.housekeeping.HousekeepingConfig;
import org.kepu.common.idempotency.IdempotencyConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Housekeeping deletes exactly the rows of kepu-common's tables that are past their retention: rows just inside it
 * stay, and an outbox row not yet published stays whatever its age. On venue-service's database; every service runs the
 * same code on the same tables. The rows are this test's own (a run id in their keys), aged ten minutes either side
 * of the configured retentions.
 */
@QuarkusTest
class HousekeepingTest {

    /** OutboxRelay's advisory lock: holding it pauses every relay of the database, as another replica's relay would. */
    private static final long RELAY_LOCK = 0x6b657075L;
    private static final Duration MARGIN = Duration.ofMinutes(10);

    @Inject
    Housekeeping housekeeping;

    @Inject
    HousekeepingConfig config;

    @Inject
    IdempotencyConfig idempotency;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyRowsPastTheirRetentionAreDeletedAndAnUnpublishedOutboxRowIsKeptAtAnyAge() throws Exception {
        String run = UUID.randomUUID().toString();
        String consumer = "housekeeping-test." + run;
        String scope = "housekeeping-test|" + run;
        Duration outbox = config.outboxRetention();
        Duration inbox = config.inboxRetention();
        Duration keys = idempotency.retention();
        try (Connection db = dataSource.getConnection()) {
            // The relay would publish the pending row at once: it is paused for as long as this test holds its lock.
            update(db, "SELECT pg_advisory_lock(?)", RELAY_LOCK);
            try {
                outboxRow(db, run, "published-past", outbox.plus(MARGIN), true);
                outboxRow(db, run, "published-inside", outbox.minus(MARGIN), true);
                outboxRow(db, run, "pending-for-a-year", Duration.ofDays(365), false);
                update(db, "INSERT INTO processed_message (consumer, message_id, processed_at) VALUES (?, 'inside', "
                        + AGO + ")", consumer, seconds(inbox.minus(MARGIN)));
                // More than one batch of ids past retention: a run goes on while its batches come back full.
                update(db, "INSERT INTO processed_message (consumer, message_id, processed_at) SELECT ?, 'past-' || n, "
                        + AGO + " FROM generate_series(1, ?) AS n", consumer, seconds(inbox.plus(MARGIN)),
                        config.batchSize() * 2 + 1);
                idempotencyKey(db, scope, "past", keys.plus(MARGIN));
                idempotencyKey(db, scope, "inside", keys.minus(MARGIN));

                housekeeping.run();

                assertEquals(Set.of("published-inside", "pending-for-a-year"),
                        strings(db, "SELECT type FROM outbox_message WHERE message_key = ?", run));
                assertEquals(Set.of("inside"),
                        strings(db, "SELECT message_id FROM processed_message WHERE consumer = ?", consumer));
                assertEquals(Set.of("inside"),
                        strings(db, "SELECT idempotency_key FROM idempotency_key WHERE scope = ?", scope));
            } finally {
                update(db, "DELETE FROM outbox_message WHERE message_key = ?", run);
                update(db, "DELETE FROM processed_message WHERE consumer = ?", consumer);
                update(db, "DELETE FROM idempotency_key WHERE scope = ?", scope);
                update(db, "SELECT pg_advisory_unlock(?)", RELAY_LOCK);
            }
        }
    }

    /** A time so many seconds before now, on the database's clock. */
    private static final String AGO = "now() - make_interval(secs => CAST(? AS double precision))";

    private static double seconds(Duration age) {
        return age.toSeconds();
    }

    /** A row on a topic no consumer applies, should it ever be sent. */
    private static void outboxRow(Connection db, String key, String type, Duration age, boolean published)
            throws SQLException {
        update(db, "INSERT INTO outbox_message (id, topic, message_key, type, cloud_event, created_at, published_at)"
                + " VALUES (?, 'kepu.dead-letters', ?, ?, '{}', " + AGO + ", " + (published ? AGO : "NULL") + ")",
                published
                        ? new Object[]{UUID.randomUUID(), key, type, seconds(age), seconds(age)}
                        : new Object[]{UUID.randomUUID(), key, type, seconds(age)});
    }

    private static void idempotencyKey(Connection db, String scope, String key, Duration age) throws SQLException {
        update(db, "INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, status, body, created_at)"
                + " VALUES (?, ?, 'f', 201, '{}', " + AGO + ")", scope, key, seconds(age));
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    private static Set<String> strings(Connection db, String sql, String value) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
