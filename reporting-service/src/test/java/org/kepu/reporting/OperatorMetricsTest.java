package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The metrics an operator alerts on, as Prometheus scrapes them: a fact the read models cannot take is counted as a
 * dead letter by the topic it came from, and every topic read has its counter before the first one.
 */
@QuarkusTest
class OperatorMetricsTest {

    static double metric(String name, Map<String, String> labels) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(text, name, labels).orElse(Double.NaN);
    }

    @Test
    void everyTopicReadHasItsDeadLetterCounterFromTheStart() {
        for (String topic : new String[]{"kepu.events", "kepu.venues", "kepu.tours", "kepu.registrations",
                "kepu.bookings"}) {
            assertTrue(metric("kepu_dead_letters_total", Map.of("topic", topic)) >= 0, topic);
        }
    }

    @Test
    void aFactNobodyCanReadIsCountedAsADeadLetterOfItsTopic() throws Exception {
        Map<String, String> events = Map.of("topic", "kepu.events");
        double before = metric("kepu_dead_letters_total", events);
        double venuesBefore = metric("kepu_dead_letters_total", Map.of("topic", "kepu.venues"));
        facts().send("kepu.events", UUID.randomUUID().toString(), "not a CloudEvent either");
        await("the dead letter counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> metric("kepu_dead_letters_total", events) >= before + 1);
        assertEquals(venuesBefore, metric("kepu_dead_letters_total", Map.of("topic", "kepu.venues")));
    }

    @Test
    void theOutboxAndTheGrowingTablesAreMeasured() {
        await("the first samples").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> metric("kepu_outbox_backlog", Map.of()) >= 0
                        && metric("kepu_table_size_bytes", Map.of("table", "processed_message")) > 0);
        assertTrue(metric("kepu_outbox_backlog_oldest_age_seconds", Map.of()) >= 0);
        for (String table : new String[]{"outbox_message", "processed_message", "idempotency_key"}) {
            assertTrue(metric("kepu_table_rows", Map.of("table", table)) >= 0, table);
        }
    }
}
