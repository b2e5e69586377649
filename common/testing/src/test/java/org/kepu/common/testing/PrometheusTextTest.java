package org.kepu.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reading a Prometheus text exposition as Quarkus' /q/metrics writes it. */
class PrometheusTextTest {

    private static final String TEXT = """
            # HELP kepu_dead_letters_total Facts sent to kepu.dead-letters
            # TYPE kepu_dead_letters_total counter
            kepu_dead_letters_total{topic="kepu.events"} 0.0
            kepu_dead_letters_total{topic="kepu.venues"} 2.0
            kepu_outbox_backlog NaN
            kafka_consumer_fetch_manager_records_lag{client_id="kafka-consumer-venue-facts",partition="0",topic="kepu.venues"} 12.0
            http_server_requests_seconds_bucket{le="+Inf",uri="/a\\"b"} 3
            """;

    @Test
    void readsNamesLabelsAndValues() {
        assertEquals(Set.of("kepu_dead_letters_total", "kepu_outbox_backlog", "kafka_consumer_fetch_manager_records_lag",
                "http_server_requests_seconds_bucket"), PrometheusText.names(TEXT));
        assertEquals(2.0, PrometheusText.value(TEXT, "kepu_dead_letters_total", Map.of("topic", "kepu.venues"))
                .orElseThrow());
        assertEquals(12.0, PrometheusText.value(TEXT, "kafka_consumer_fetch_manager_records_lag",
                Map.of("topic", "kepu.venues", "partition", "0")).orElseThrow());
        assertTrue(Double.isNaN(PrometheusText.value(TEXT, "kepu_outbox_backlog", Map.of()).orElseThrow()));
        assertEquals("/a\\\"b", PrometheusText.samples(TEXT).get(4).labels().get("uri"));
        assertTrue(PrometheusText.value(TEXT, "kepu_dead_letters_total", Map.of("topic", "kepu.tours")).isEmpty());
    }
}
