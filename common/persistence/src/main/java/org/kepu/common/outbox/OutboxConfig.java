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
}
