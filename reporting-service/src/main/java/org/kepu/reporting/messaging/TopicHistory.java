package org.kepu.reporting.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.kepu.common.kafka.KafkaConnection;
import org.kepu.reporting.domain.HistoryGap;

import io.smallrye.common.annotation.Identifier;

/**
 * Where each partition of the fact topics begins now (its log start offset): above 0, the facts before it are gone and
 * a replay from the first offset cannot see them. Asks the brokers through an Admin client made for each question, as
 * rebuilds are rare.
 */
@ApplicationScoped
public class TopicHistory {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> connection;

    public TopicHistory(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.connection = KafkaConnection.settings(kafkaConfig);
    }

    /** The partitions of {@code topics} that lost their first facts, by topic and partition; empty if none did. */
    public List<HistoryGap> gaps(Collection<String> topics) {
        List<HistoryGap> gaps = new ArrayList<>();
        starts(topics).forEach((partition, start) -> {
            if (start > 0) {
                gaps.add(new HistoryGap(partition.topic(), partition.partition(), start));
            }
        });
        gaps.sort(Comparator.comparing(HistoryGap::topic).thenComparing(HistoryGap::partition));
        return gaps;
    }

    /**
     * Each partition's first offset still held. A topic that does not exist yet has no partitions: nothing was written
     * to it, so nothing of it is lost.
     */
    public Map<TopicPartition, Long> starts(Collection<String> topics) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put("client.id", "reporting-topic-history");
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (String topic : topics) {
                for (TopicPartitionInfo partition : partitions(admin, topic)) {
                    earliest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.earliest());
                }
            }
            Map<TopicPartition, Long> starts = new HashMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> offset : admin.listOffsets(earliest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
                starts.put(offset.getKey(), offset.getValue().offset());
            }
            return starts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking where the topics' history starts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot tell where the topics' history starts: " + e.getMessage(), e);
        }
    }

    private static List<TopicPartitionInfo> partitions(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw e;
        }
    }
}
