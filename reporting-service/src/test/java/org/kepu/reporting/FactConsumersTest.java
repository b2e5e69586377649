package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.kepu.common.testing.FactReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The read models as the dashboard sees them, fed through the real broker: facts count once, in version order, and
 * a message nobody can read does not stall the ones after it.
 */
@QuarkusTest
class FactConsumersTest {

    static final String REPORT = "/api/v1/reports/events/published-by-city";

    static long chaozhou() {
        List<Map<String, Object>> items = given().when().get(REPORT).then().statusCode(200).extract().path("items");
        return items.stream().filter(row -> "445100".equals(row.get("cityCode")))
                .mapToLong(row -> ((Number) row.get("count")).longValue()).findFirst().orElseThrow();
    }

    static void sendRaw(String key, String value) throws Exception {
        facts().send("kepu.events", key, value);
    }

    static String fact(String messageId, String eventId, long version, String status) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.event.published",
                 "subject":"%s","time":"2024-05-18T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":%d,"status":"%s","type":"LECTURE","divisionCode":"445102",
                         "cityCode":"445100","economicRegion":"EAST","startsAt":"2024-05-18T09:00:00+08:00",
                         "organizerOrg":"chaozhou-kx","futureField":"ignored"}}
                """.formatted(messageId, eventId, eventId, version, status);
    }

    /**
     * Sends, under the same key (so on the same partition, after everything sent before under it), a fact about a
     * new published event, and waits until the count shows exactly {@code expected}: then every earlier message under
     * that key has been consumed too.
     */
    static void markAndExpect(String key, long expected) throws Exception {
        String marker = UUID.randomUUID().toString();
        sendRaw(key, fact(UUID.randomUUID().toString(), marker, 1, "PUBLISHED"));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> chaozhou() >= expected);
        assertEquals(expected, chaozhou());
    }

    @Test
    void aRedeliveredMessageIsAppliedOnce() throws Exception {
        long before = chaozhou();
        String event = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();
        sendRaw(event, fact(messageId, event, 1, "PUBLISHED"));
        // The same message id again, altered: applying it would cancel the event and lower the count.
        sendRaw(event, fact(messageId, event, 2, "CANCELLED"));
        markAndExpect(event, before + 2);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() throws Exception {
        long before = chaozhou();
        String event = UUID.randomUUID().toString();
        sendRaw(event, fact(UUID.randomUUID().toString(), event, 2, "CANCELLED"));
        sendRaw(event, fact(UUID.randomUUID().toString(), event, 1, "PUBLISHED"));
        markAndExpect(event, before + 1);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLettersAndTheTopicMovesOn() throws Exception {
        long before = chaozhou();
        String key = UUID.randomUUID().toString();
        sendRaw(key, "this is not a CloudEvent");
        markAndExpect(key, before + 1);

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> dead = FactReader.records(servers, "kepu.dead-letters", key, 1,
                Duration.ofSeconds(20));
        assertEquals(1, dead.size());
        assertEquals("this is not a CloudEvent", dead.get(0).value());
        assertEquals("kepu.events", FactReader.header(dead.get(0), "dead-letter-topic"));
        String reason = FactReader.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason != null && reason.contains("Unreadable for reporting.event-summary"), reason);
    }

    @Test
    void factsFlowingThroughADatabaseRestartAreEachAppliedOnce() throws Exception {
        long before = chaozhou();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 40; i++) {
            String event = UUID.randomUUID().toString();
            sendRaw(key, fact(UUID.randomUUID().toString(), event, 1, "PUBLISHED"));
            if (i == 10) {
                restartPostgres();
            }
        }
        // Every fact applied once: a retry in a transaction the restart aborted would lose or double some.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> chaozhouOrZero() >= before + 40);
        markAndExpect(key, before + 41);
    }

    /** The count, or 0 while the service cannot read the database. */
    static long chaozhouOrZero() {
        try {
            return chaozhou();
        } catch (AssertionError | RuntimeException e) {
            return 0;
        }
    }

    /** Restarts the PostgreSQL cluster the tests use, as an operator or a crash would. */
    static void restartPostgres() throws Exception {
        List<String> command = "0"
                .equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim())
                        ? List.of("pg_ctlcluster", "15", "main", "restart")
                        : List.of("sudo", "-n", "pg_ctlcluster", "15", "main", "restart");
        Process restart = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, restart.waitFor(), "pg_ctlcluster restart");
    }

    @Test
    void everyCityIsListedWithItsRegion() {
        given().when().get(REPORT).then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(21))
                .body("items.find { it.cityCode == '441400' }.economicRegion", org.hamcrest.Matchers.equalTo("NORTH"));
    }
}
