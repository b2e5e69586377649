package org.kepu.common.persistence;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gauges an operator alerts on are sampled from the database ({@code kepu.metrics.*}). */
@ConfigMapping(prefix = "kepu.metrics")
public interface MetricsConfig {

    /**
     * How often the backlog and table gauges query the database; read by their schedules. A scrape reads the last
     * sample, so scraping more often never costs a query.
     */
    @WithDefault("5s")
    Duration sampleInterval();

    /**
     * The tables whose rows and bytes are exported ({@code kepu_table_rows}, {@code kepu_table_size_bytes}): the ones
     * that grow with traffic and are kept small only by housekeeping. A service adds its own, e.g.
     * {@code KEPU_METRICS_TABLES=outbox_message,processed_message,idempotency_key,event_change}.
     */
    @WithDefault("outbox_message,processed_message,idempotency_key")
    List<String> tables();
}
