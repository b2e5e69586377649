package org.kepu.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.reporting.domain.HistoryGap;
import org.kepu.reporting.messaging.FactReplay;
import org.kepu.reporting.messaging.FactReplay.Fact;
import org.kepu.reporting.messaging.ReadModels.Feed;
import org.kepu.reporting.messaging.TopicHistory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Where a topic's history starts, and how a replay reads a topic that lost its first facts, on topics of the test
 * broker made for each test (records are deleted from those only).
 */
@QuarkusTest
class TopicHistoryTest {

    @Inject
    TopicHistory history;

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void aPartitionWhoseFirstFactsWereDeletedIsNamedWithTheOffsetItsHistoryStartsAt() throws Exception {
        try (LostHistory kafka = new LostHistory(bootstrapServers())) {
            String topic = kafka.createTopic("history", 2);
            try {
                kafka.write(topic, 0, List.of("a1", "a2", "a3", "a4", "a5"));
                kafka.write(topic, 1, List.of("b1", "b2"));
                assertEquals(List.of(), history.gaps(List.of(topic)), "nothing deleted yet");

                kafka.deleteBefore(topic, 0, 3);
                assertEquals(List.of(new HistoryGap(topic, 0, 3)), history.gaps(List.of(topic)));
                assertEquals(List.of(), history.gaps(List.of("kepu.test.never-created." + UUID.randomUUID())),
                        "a topic nothing was written to has lost nothing");
            } finally {
                kafka.deleteTopic(topic);
            }
        }
    }

    @Test
    void aReplayReadsFromWhereItIsToldAndFailsRatherThanSkipFactsDeletedBeforeItReadThem() throws Exception {
        try (LostHistory kafka = new LostHistory(bootstrapServers())) {
            String topic = kafka.createTopic("replay", 2);
            try {
                kafka.write(topic, 0, List.of("a1", "a2", "a3", "a4", "a5"));
                kafka.write(topic, 1, List.of("b1", "b2"));
                kafka.deleteBefore(topic, 0, 3);
                Map<Feed, String> topics = Map.of(Feed.TOURS, topic);
                Map<String, Object> connection = Map.of("bootstrap.servers", bootstrapServers());

                // Told where the accepted history starts, it reads exactly what is left.
                List<String> read = new ArrayList<>();
                try (FactReplay replay = new FactReplay(connection, topics, Map.of(new TopicPartition(topic, 0), 3L))) {
                    replay.readUntil(replay.ends(), facts -> facts.stream().map(Fact::json).forEach(read::add));
                }
                assertEquals(List.of("a4", "a5", "b1", "b2"), read.stream().sorted().toList());

                // Told to start at the first offset, it refuses to jump over the deleted facts.
                try (FactReplay replay = new FactReplay(connection, topics, Map.of())) {
                    IllegalStateException refused = assertThrows(IllegalStateException.class,
                            () -> replay.readUntil(replay.ends(), facts -> {
                            }));
                    assertTrue(refused.getMessage().contains(topic + "-0"), refused.getMessage());
                }
            } finally {
                kafka.deleteTopic(topic);
            }
        }
    }
}
