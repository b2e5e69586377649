package org.kepu.common.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends raw records to the test broker as another service would, for tests of consumers: each send waits until the
 * broker has it, so records sent under one key are consumed in the order of the sends.
 */
public final class FactSender implements AutoCloseable {

    private static FactSender shared;

    private final KafkaProducer<String, String> producer;

    /**
     * The sender every test of a run shares, to the broker the service under test reads ({@code kafka.bootstrap.servers}
     * of its test profile, so call it once the service has started); closed when the run's JVM exits.
     */
    public static synchronized FactSender facts() {
        if (shared == null) {
            FactSender sender = new FactSender(
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            Runtime.getRuntime().addShutdownHook(new Thread(sender::close, "fact-sender-close"));
            shared = sender;
        }
        return shared;
    }

    public FactSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
                new StringSerializer());
    }

    /** Sends {@code value} under {@code key} and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
