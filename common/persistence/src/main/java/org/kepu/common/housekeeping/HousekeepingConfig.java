package org.kepu.common.housekeeping;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the outbox and the inbox keep rows, and how fast housekeeping deletes the rest ({@code kepu.housekeeping.*},
 * e.g. {@code KEPU_HOUSEKEEPING_INBOX_RETENTION=14d}). Idempotency-Keys keep their own {@code kepu.idempotency.retention}.
 */
@ConfigMapping(prefix = "kepu.housekeeping")
public interface HousekeepingConfig {

    /** Whether this instance deletes old rows; replicas may all do it at once (they split the rows, skipping locked ones). */
    @WithDefault("true")
    boolean enabled();

    /** How often a run starts; read by the schedule. */
    @WithDefault("1m")
    Duration every();

    /** Rows one transaction deletes at most: short transactions hold few row locks for a few milliseconds. */
    @WithDefault("1000")
    int batchSize();

    /**
     * Transactions one run makes per table at most. A table sheds at most batchSize × batchesPerRun rows per run, which
     * must exceed what is written to it meanwhile (20,000 a minute by default).
     */
    @WithDefault("20")
    int batchesPerRun();

    /**
     * How long a published outbox row is kept after the broker acknowledged it, to tell what was sent when; a row not
     * published yet is kept whatever its age, since the relay still has to send it.
     */
    @WithDefault("72h")
    Duration outboxRetention();

    /**
     * How long a consumer remembers a message id. A redelivery comes from the last committed offset (a crash or a
     * rebalance) or from the relay sending again what it sent just before (a crash between the broker's acknowledgement
     * and marking the row), both minutes old at most; and a group whose committed offsets expired (Kafka's
     * offsets.retention.minutes, 7 days by default) starts again from the earliest fact. Keep it at least as long as
     * the longest finite retention.ms of a topic this service reads and at least offsets.retention.minutes. Topics that
     * keep their history for ever (those reporting-service rebuilds from) cannot be outlived: a replay of them from the
     * start is harmless because every read model keeps only the newest version of an aggregate.
     */
    @WithDefault("8d")
    Duration inboxRetention();
}
