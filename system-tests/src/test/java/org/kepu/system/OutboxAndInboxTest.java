package org.kepu.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kepu.system.Gateway.PUBLISHED_EVENTS_BY_CITY;
import static org.kepu.system.Gateway.cityCount;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No dual writes and idempotent consumers, shown end to end: writes accepted while Kafka is down arrive exactly once
 * after it returns; a redelivered fact changes nothing.
 */
@ExtendWith(KepuSystem.class)
class OutboxAndInboxTest {

    @Test
    void writesAcceptedWhileKafkaIsDownArriveExactlyOnceWhenItReturns() throws Exception {
        long before = cityCount(PUBLISHED_EVENTS_BY_CITY, "440500");
        KepuSystem.stack("kafka-stop");
        try {
            for (int i = 0; i < 5; i++) {
                Gateway.publishEvent("org-outage", "440507");
            }
            Thread.sleep(2_000);
            assertEquals(before, cityCount(PUBLISHED_EVENTS_BY_CITY, "440500"),
                    "nothing can reach the dashboard while the broker is down");
        } finally {
            KepuSystem.stack("kafka-start");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, "440500") >= before + 5);
        Thread.sleep(3_000); // a late duplicate would show by now
        assertEquals(before + 5, cityCount(PUBLISHED_EVENTS_BY_CITY, "440500"));
    }

    @Test
    void aRedeliveredFactChangesNothing() throws Exception {
        String id = Gateway.publishEvent("org-" + UUID.randomUUID(), "440802");
        await().atMost(Duration.ofSeconds(10)).until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, "440800") > 0);
        long before = cityCount(PUBLISHED_EVENTS_BY_CITY, "440800");

        // Redeliver the very same CloudEvent (same id), altered so that applying it again would be visible: a newer
        // version that moves the event to another city. The inbox must recognise the id and skip it.
        String original = readFact(id);
        String tampered = original.replace("\"cityCode\":\"440800\"", "\"cityCode\":\"440100\"")
                .replaceFirst("\"version\":(\\d+)", "\"version\":999");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KepuSystem.KAFKA), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kepu.events", id, tampered)).get(10, TimeUnit.SECONDS);
        }
        // A fresh fact after the duplicate: once it is counted, the duplicate has been consumed too (same partition).
        String marker = Gateway.publishEvent("org-" + UUID.randomUUID(), "440802");
        await("the marker event is counted, the duplicate skipped").atMost(Duration.ofSeconds(10))
                .until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, "440800") >= before + 1);
        assertEquals(before + 1, cityCount(PUBLISHED_EVENTS_BY_CITY, "440800"), "the duplicate must not move " + id
                + " away; only " + marker + " is new");
    }

    private static String readFact(String eventId) {
        Map<String, Object> config = Map.of("bootstrap.servers", KepuSystem.KAFKA, "group.id",
                "system-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("kepu.events"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (eventId.equals(record.key())) {
                        return record.value();
                    }
                    seen.add(record.key());
                }
            }
            throw new AssertionError("No fact for " + eventId + " on kepu.events; saw " + seen.size() + " others");
        }
    }
}
