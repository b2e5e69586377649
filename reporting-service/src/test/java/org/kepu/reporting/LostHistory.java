package org.kepu.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Topics of the test broker made for one test, whose history a test may cut short (Admin.deleteRecords moves a
 * partition's log start offset, as a retention does), so that no test ever deletes facts from the kepu.* topics every
 * other test reads.
 */
final class LostHistory implements AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;

    LostHistory(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** A new, empty topic named after {@code purpose}, unique to this run. */
    String createTopic(String purpose, int partitions) throws Exception {
        String topic = "kepu.test." + purpose + "." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        return topic;
    }

    int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .size();
    }

    /** Writes {@code values} to one partition, in order, and returns the partition's end offset after them. */
    long write(String topic, int partition, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            long end = -1;
            for (String value : values) {
                end = producer.send(new ProducerRecord<>(topic, partition, "k", value)).get(10, TimeUnit.SECONDS)
                        .offset() + 1;
            }
            return end;
        }
    }

    /** Copies every record of {@code from} to the same partition of {@code to}, in order. */
    void copy(String from, String to) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < partitions(from); p++) {
            partitions.add(new TopicPartition(from, p));
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringDeserializer(), new StringDeserializer());
                KafkaProducer<String, String> producer = producer()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    producer.send(new ProducerRecord<>(to, record.partition(), record.key(), record.value()));
                }
            }
            producer.flush();
        }
    }

    /** Deletes a partition's records before {@code offset}: its history then starts there. */
    void deleteBefore(String topic, int partition, long offset) throws Exception {
        admin.deleteRecords(Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(offset))).all()
                .get(30, TimeUnit.SECONDS);
    }

    void deleteTopic(String topic) throws Exception {
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
                new StringSerializer());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
