package org.kepu.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a service published, as any consumer would: the records of one key on a topic, from its beginning, in
 * their order, until as many as expected have arrived or the time is up (then the test's assertion says what is
 * missing).
 */
public final class FactReader {

    private FactReader() {
    }

    /** The values of the records under {@code key}, at least {@code expected} of them if they come in time. */
    public static List<String> values(String bootstrapServers, String topic, String key, int expected,
            Duration patience) {
        return records(bootstrapServers, topic, key, expected, patience).stream().map(ConsumerRecord::value).toList();
    }

    /** The records under {@code key} with their headers, at least {@code expected} of them if they come in time. */
    public static List<ConsumerRecord<String, String>> records(String bootstrapServers, String topic, String key,
            int expected, Duration patience) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "group.id",
                "test-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        values.add(record);
                    }
                }
            }
        }
        return values;
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The CloudEvent type of a fact's value. */
    public static String typeOf(String value) {
        int start = value.indexOf("\"type\":\"") + 8;
        return value.substring(start, value.indexOf('"', start));
    }
}
