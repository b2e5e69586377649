package org.kepu.reporting.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** reporting-service's own tunables ({@code kepu.reporting.*}, e.g. {@code KEPU_REPORTING_REBUILD_BATCH_SIZE}). */
@ConfigMapping(prefix = "kepu.reporting")
public interface ReportingConfig {

    /**
     * The consumer group the live consumers share (the channels read it as {@code ${kepu.reporting.consumer-group}}).
     */
    @WithDefault("reporting-service")
    String consumerGroup();

    /**
     * How long a computed report (an overview or a themed-day coverage of one year and scope) is served again before
     * it is computed afresh; 0 turns the cache off. Each report still says how fresh its facts are.
     */
    @WithDefault("5s")
    Duration reportCacheTtl();

    /**
     * How soon a kept report that facts have made stale may be computed again (service.ReportCache): the most a
     * dashboard lags behind the read models under a stream of facts, and what bounds the recomputations it causes.
     */
    @WithDefault("100ms")
    Duration reportRefresh();

    /** The live consumers (messaging.FactConsumers). */
    Consumer consumer();

    /** {@code kepu.reporting.consumer.*}. */
    interface Consumer {

        /** Attempts at a failing batch, each in a fresh transaction, before it is applied fact by fact. */
        @WithDefault("20")
        int attempts();

        /** The pause between attempts. */
        @WithDefault("1s")
        Duration retryDelay();
    }

    /** Replaying every topic into fresh read models (service.ReadModelRebuilds). */
    Rebuild rebuild();

    /** {@code kepu.reporting.rebuild.*}. */
    interface Rebuild {

        /** Facts applied per transaction while replaying. */
        @WithDefault("500")
        int batchSize();

        /**
         * How long the swap waits for the live consumers' current transactions before giving up (the rebuild then
         * fails and the live read models stay as they were).
         */
        @WithDefault("10s")
        Duration lockTimeout();
    }
}
