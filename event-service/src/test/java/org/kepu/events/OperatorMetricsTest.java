package org.kepu.events;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.PrometheusText;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The metrics an operator alerts on, read from /q/metrics as Prometheus scrapes them: a fact the relay cannot send and
 * a change the sequencer cannot position show in their backlogs with their age, and a venue fact nobody can read is
 * counted as a dead letter.
 */
@QuarkusTest
class OperatorMetricsTest {

    /** OutboxRelay's advisory lock: held here, the relay skips its passes, as when another replica is stuck. */
    private static final long RELAY_LOCK = 0x6b657075L;

    @Inject
    AgroalDataSource dataSource;

    static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double metric(String name, Map<String, String> labels) {
        return PrometheusText.value(metrics(), name, labels).orElse(Double.NaN);
    }

    @Test
    void aFactTheRelayCannotSendShowsInTheOutboxBacklogWithItsAge() throws Exception {
        UUID fact = UUID.randomUUID();
        // Written an hour ago and first in the relay's order, as a fact stuck behind a broken relay would be.
        whileStuck("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")",
                """
                        INSERT INTO outbox_message (seq, id, topic, message_key, type, cloud_event, created_at)
                        SELECT coalesce(min(seq), 1) - 1, CAST(? AS uuid), 'kepu.events', ?, 'kepu.test.stuck', '{}', now() - interval '1 hour'
                        FROM outbox_message""",
                "DELETE FROM outbox_message WHERE id = ?", fact, "kepu_outbox_backlog");
        await("the backlog back to what the relay keeps").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> metric("kepu_outbox_backlog_oldest_age_seconds", Map.of()) < 60);
    }

    @Test
    void aChangeTheSequencerCannotPositionShowsInItsBacklogWithItsAge() throws Exception {
        whileStuck("SELECT pg_advisory_xact_lock(hashtext('kepu.events.change-feed'))",
                """
                        INSERT INTO event_change (seq, event_id, change, version, changed_at)
                        SELECT coalesce(min(seq), 1) - 1, CAST(? AS uuid), 'published', 1, now() - interval '1 hour' FROM event_change""",
                "DELETE FROM event_change WHERE event_id = ?", UUID.randomUUID(), "kepu_change_feed_backlog");
    }

    /**
     * Holds a job's advisory lock (so it skips its runs, as behind a stuck replica), commits a row an hour old for it
     * ({@code insert} takes the id once or twice), waits until the backlog gauges show it, then removes it and lets go.
     */
    private void whileStuck(String lock, String insert, String delete, UUID id, String backlog) throws Exception {
        try (Connection job = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            job.setAutoCommit(false);
            try (Statement locking = job.createStatement()) {
                locking.execute(lock);
            }
            try (PreparedStatement row = writer.prepareStatement(insert)) {
                for (int i = 1; i <= row.getParameterMetaData().getParameterCount(); i++) {
                    row.setString(i, id.toString());
                }
                row.executeUpdate();
            }
            try {
                await("the waiting row in " + backlog).atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500)).until(() -> metric(backlog, Map.of()) >= 1
                                && metric(backlog + "_oldest_age_seconds", Map.of()) >= 3600);
            } finally {
                try (PreparedStatement row = writer.prepareStatement(delete)) {
                    row.setObject(1, id);
                    row.executeUpdate();
                }
                job.rollback();
            }
        }
    }

    @Test
    void aVenueFactNobodyCanReadIsCountedAsADeadLetter() throws Exception {
        Map<String, String> venues = Map.of("topic", "kepu.venues");
        double before = metric("kepu_dead_letters_total", venues);
        assertTrue(before >= 0, "the counter is there before the first dead letter");
        facts().send("kepu.venues", UUID.randomUUID().toString(), "not a CloudEvent");
        await("the dead letter counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> metric("kepu_dead_letters_total", venues) >= before + 1);
    }

    @Test
    void theGrowingTablesAreMeasured() {
        await("the first sample of the tables").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> metric("kepu_table_size_bytes", Map.of("table", "processed_message")) > 0);
        for (String table : new String[]{"outbox_message", "processed_message", "idempotency_key", "event_change"}) {
            assertTrue(metric("kepu_table_rows", Map.of("table", table)) >= 0, table);
            assertTrue(metric("kepu_table_size_bytes", Map.of("table", table)) > 0, table);
        }
    }
}
