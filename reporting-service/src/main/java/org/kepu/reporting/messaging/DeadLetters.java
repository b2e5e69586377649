package org.kepu.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.kepu.common.inbox.DeadLetterCount;
import org.kepu.common.outbox.FactProducer;

/**
 * Writes a fact the read models cannot take to {@code kepu.dead-letters}: its original key and value, and the headers
 * the connector's own dead-letter strategy writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition},
 * {@code -offset}), so one tool reads both. Waits for the broker's acknowledgement: the batch is only acknowledged
 * after its dead letters are safe.
 */
@ApplicationScoped
public class DeadLetters {

    /** The topic, shared by every consumer. */
    public static final String TOPIC = "kepu.dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final FactProducer producer;
    private final DeadLetterCount count;

    public DeadLetters(FactProducer producer, DeadLetterCount count) {
        this.producer = producer;
        this.count = count;
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(TOPIC, record.key(), record.value());
        letter.headers().add("dead-letter-reason", bytes(reason));
        letter.headers().add("dead-letter-topic", bytes(record.topic()));
        letter.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        letter.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledged: the batch is not either, so the record comes back after a restart.
            throw new IllegalStateException("Could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        count.counted(record.topic());
        LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
