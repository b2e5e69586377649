package org.kepu.reporting.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.kepu.reporting.messaging.ReadModels.Feed;

/**
 * Reads every feed's topic from its first offset, outside any consumer group (nothing is committed, the live
 * consumers' positions are untouched), handing records on in batches. Not thread-safe: one replay, one thread.
 *
 * <p>
 * Each partition is read from exactly the offset it is told (0, or where the history an admin accepted as incomplete
 * starts), never from wherever the broker's history happens to start: should retention delete facts the replay has
 * not read yet, the read fails instead of skipping them, and nothing is swapped.
 */
public final class FactReplay implements AutoCloseable {

    /** A record and the feed it came from. */
    public record Fact(Feed feed, String json) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Feed> feedsByTopic;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /**
     * @param connection the brokers and how to reach them ({@code KafkaConnection.settings})
     * @param topics each feed's topic name, as the live channels are configured
     * @param starts where a partition's replay begins, if not at offset 0
     */
    public FactReplay(Map<String, Object> connection, Map<Feed, String> topics, Map<TopicPartition, Long> starts) {
        Properties config = new Properties();
        config.putAll(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // No reset: a position whose facts are gone is an error, never a silent jump to what is left.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.feedsByTopic = new HashMap<>();
        topics.forEach((feed, topic) -> feedsByTopic.put(topic, feed));
        for (String topic : feedsByTopic.keySet()) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, starts.getOrDefault(partition, 0L));
        }
    }

    /** The topics' current ends: what a replay must reach to have seen every fact written so far. */
    public Map<TopicPartition, Long> ends() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    /**
     * Reads until every partition has reached {@code ends}, handing each poll's records (at most a few thousand) to
     * {@code batch}, in partition order.
     */
    public void readUntil(Map<TopicPartition, Long> ends, Consumer<List<Fact>> batch) {
        while (behind(ends)) {
            List<Fact> facts = new ArrayList<>();
            for (ConsumerRecord<String, String> record : poll()) {
                if (record.value() != null) {
                    facts.add(new Fact(feedsByTopic.get(record.topic()), record.value()));
                }
            }
            if (!facts.isEmpty()) {
                batch.accept(facts);
            }
        }
    }

    private ConsumerRecords<String, String> poll() {
        try {
            return consumer.poll(Duration.ofMillis(500));
        } catch (OffsetOutOfRangeException e) {
            throw new IllegalStateException("Facts were deleted from " + e.offsetOutOfRangePartitions()
                    + " (partition=offset the replay had reached) before the replay read them, so a rebuild would"
                    + " leave them out; keep the topics' history (retention.ms=-1)", e);
        }
    }

    private boolean behind(Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, Duration.ofSeconds(30)) < ends.getOrDefault(partition, 0L)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
