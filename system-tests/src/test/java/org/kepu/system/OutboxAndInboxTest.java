package org.kepu.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.system.Gateway.PUBLISHED_EVENTS_BY_CITY;
import static org.kepu.system.Gateway.cityCount;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
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
        List<String> written = new ArrayList<>();
        KepuSystem.stack("kafka-stop");
        try {
            for (int i = 0; i < 5; i++) {
                written.add(Gateway.publishEvent("org-outage", "440507")); // each write answered 201, then 200
            }
            await("the relay has tried the broker and holds the five facts back").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> heldBackAfterAFailedSend(written));
            assertEquals(before, cityCount(PUBLISHED_EVENTS_BY_CITY, "440500"),
                    "nothing can reach the dashboard while the broker is down");
        } finally {
            KepuSystem.stack("kafka-start");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, "440500") >= before + 5);
        // A late duplicate (a send the broker took after the relay gave up on it, then sent again) lies on its
        // event's partition before any fact written later: once a later fact on every partition is counted, so is it.
        long markersBefore = cityCount(PUBLISHED_EVENTS_BY_CITY, MARKER_CITY);
        List<String> markers = eventsOnEveryPartition();
        await("the marker events on every partition are counted").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, MARKER_CITY) >= markersBefore + markers.size());
        assertEquals(before + 5, cityCount(PUBLISHED_EVENTS_BY_CITY, "440500"));
    }

    /** 汕尾, where no other test publishes: its count moves only with the markers. */
    private static final String MARKER_CITY = "441500";

    /**
     * Publishes events in {@link #MARKER_CITY} until their facts, keyed by event id, cover every partition of
     * {@code kepu.events}, and returns them all: each is counted on the dashboard once consumed.
     */
    private static List<String> eventsOnEveryPartition() throws Exception {
        int partitions = partitionsOf("kepu.events");
        Set<Integer> covered = new HashSet<>();
        List<String> published = new ArrayList<>();
        while (covered.size() < partitions) {
            assertTrue(published.size() < 20 * partitions, "event ids keep missing a partition: " + covered);
            String id = Gateway.publishEvent("org-marker-" + UUID.randomUUID(), "441502");
            published.add(id);
            covered.add(partitionOf(id, partitions));
        }
        return published;
    }

    private static int partitionsOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KepuSystem.KAFKA))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        }
    }

    /** Where the producer's default partitioner puts a record with this key: murmur2 of its bytes, as Kafka hashes. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Whether the event-service's outbox holds the publication facts of {@code events} unsent, and the relay has
     * failed to send what waits there at least once: the broker being down is what keeps them back.
     */
    private static boolean heldBackAfterAFailedSend(List<String> events) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/kepu_event_test",
                "kepu_event", System.getenv("KEPU_EVENT_DB_PASSWORD"));
                PreparedStatement query = db.prepareStatement("""
                        SELECT count(*) FILTER (WHERE type = 'kepu.event.published' AND message_key = ANY(?)),
                               count(*) FILTER (WHERE attempts > 0)
                        FROM outbox_message WHERE published_at IS NULL""")) {
            query.setArray(1, db.createArrayOf("text", events.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) == events.size() && row.getLong(2) > 0;
            }
        }
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
