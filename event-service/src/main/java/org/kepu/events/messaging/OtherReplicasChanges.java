package org.kepu.events.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.kepu.common.kafka.KafkaConnection;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.PublicEventChanged;

import io.smallrye.common.annotation.Identifier;

/**
 * Tells this replica when another replica changed a public event, so its caches (searches, single events) forget at
 * once instead of serving the old answer until their TTL. Every replica reads the whole event fact topic from its end,
 * with no consumer group: each must see every fact, nothing needs to be remembered across restarts (a fresh replica
 * starts with empty caches), and no group offsets pile up in Kafka.
 *
 * <p>
 * An error (the broker gone, the topic deleted) does not end the listening: it is logged, and after a pause the
 * listener starts again from the topic's end and has the caches forget everything, since facts may have been missed
 * meanwhile.
 */
@ApplicationScoped
public class OtherReplicasChanges {

    private static final Logger LOG = Logger.getLogger(OtherReplicasChanges.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Map<String, Object> kafkaConfig;
    private final Event<PublicEventChanged> changes;
    private final boolean enabled;
    private final String topic;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean stopping;

    public OtherReplicasChanges(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            Event<PublicEventChanged> changes, EventsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.changes = changes;
        this.topic = config.topics().events();
        this.enabled = (config.searchCache().enabled() || config.eventCache().enabled()) && config.followOtherReplicas();
    }

    void start(@Observes Startup startup) {
        if (enabled) {
            Thread listener = new Thread(this::listen, "cache-invalidations");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void stop(@Observes Shutdown shutdown) {
        stopping = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void listen() {
        boolean resumed = false;
        while (!stopping) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = kafka;
                assignFromTheEnd(kafka);
                if (resumed) {
                    changes.fire(new PublicEventChanged(null)); // whatever changed while we were away
                    LOG.infof("Following other replicas' event changes again; cached searches and events forgotten");
                }
                while (!stopping) {
                    ConsumerRecords<String, String> records = kafka.poll(POLL);
                    for (ConsumerRecord<String, String> record : records) {
                        changes.fire(new PublicEventChanged(eventId(record.key())));
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                LOG.errorf(e, "Lost other replicas' event changes; trying again in %s (caches may be stale up to their TTL)",
                        RETRY);
                resumed = true;
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    /** Waits for the topic (a new cluster may not have it yet), then starts at its end: only new changes matter. */
    private void assignFromTheEnd(KafkaConsumer<String, String> kafka) {
        while (!stopping) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, RETRY);
            if (partitions != null && !partitions.isEmpty()) {
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                kafka.assign(assigned);
                kafka.seekToEnd(assigned);
                assigned.forEach(kafka::position); // fix the start now, before any change can be missed
                return;
            }
            sleep();
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = KafkaConnection.settings(kafkaConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "event-service-caches-" + UUID.randomUUID());
        return config;
    }

    private static UUID eventId(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null; // the id only says which event; any fact on the topic means "forget"
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
