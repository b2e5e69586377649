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
