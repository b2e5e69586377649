package org.kepu.events.messaging;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.kepu.common.inbox.DeadLetterCount;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The Kafka connector's own dead-letter strategy, counted: a channel with
 * {@code failure-strategy=counted-dead-letter-queue} dead-letters exactly as with {@code dead-letter-queue} (same
 * topic, same headers, same {@code dead-letter-queue.*} settings), and each letter the broker took is counted in
 * {@code kepu_dead_letters_total} by the topic it came from. The connector offers no hook after a dead letter is sent;
 * a failure strategy of one's own, chosen by its identifier, is its documented extension point.
 */
@ApplicationScoped
@Identifier("counted-dead-letter-queue")
public class CountedDeadLetterQueue implements KafkaFailureHandler.Factory {

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final DeadLetterCount count;

    public CountedDeadLetterQueue(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            DeadLetterCount count) {
        this.deadLetterQueue = deadLetterQueue;
        this.count = count;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler letters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return letters.handle(record, reason, metadata).invoke(() -> count.counted(record.getTopic()));
            }

            @Override
            public void terminate() {
                letters.terminate();
            }
        };
    }
}
