package org.kepu.common.outbox;

import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kepu.common.kafka.KafkaConnection;

import io.smallrye.common.annotation.Identifier;

/**
 * The one Kafka producer of a service, used by the outbox relay and by consumers that dead-letter a message themselves;
 * created lazily on first send.
 */
@ApplicationScoped
public class FactProducer {

    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig.Producer settings;
    private volatile KafkaProducer<String, String> producer;

    @Inject
    public FactProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.settings = config.producer();
    }

    public Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return producer().send(record);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = KafkaConnection.settings(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A down broker must fail a relay pass quickly rather than block the scheduler thread.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchBytes());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        return config;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
