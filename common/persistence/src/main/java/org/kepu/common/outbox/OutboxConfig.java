package org.kepu.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the transactional outbox and its relay ({@code kepu.outbox.*}). */
@ConfigMapping(prefix = "kepu.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every fact this service writes, e.g. {@code /kepu/event-service}. */
    String source();

    /** How often the relay looks for pending messages; read by the relay's schedule. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many pending messages one relay pass sends at most. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one message before it gives up the pass. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Whether this instance relays at all; replicas compete safely through an advisory lock either way. */
    @WithDefault("true")
    boolean relayEnabled();

    /** {@code kepu.outbox.producer.*}: how the service's producer groups facts into requests to the broker. */
    Producer producer();

    /**
     * Kafka's own producer settings of the same meaning; the defaults are what the relay was measured with first
     * (bench/relay), e.g. {@code KEPU_OUTBOX_PRODUCER_COMPRESSION=lz4}.
     */
    interface Producer {

        /** How long a partly filled batch waits for more facts before it is sent ({@code linger.ms}). */
        @WithDefault("0ms")
        Duration linger();

        /** The most bytes of facts one batch of a partition carries ({@code batch.size}). */
        @WithDefault("16384")
        int batchBytes();

        /** {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd} ({@code compression.type}). */
        @WithDefault("none")
        String compression();
    }
}
