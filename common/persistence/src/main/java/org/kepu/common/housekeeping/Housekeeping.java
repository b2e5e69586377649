package org.kepu.common.housekeeping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.kepu.common.idempotency.IdempotencyConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what kepu-common's tables no longer need, in every service: published outbox rows, message ids the inbox
 * remembered, and Idempotency-Keys, each after its retention ({@link HousekeepingConfig},
 * {@link IdempotencyConfig#retention()}), so that each table holds about a retention's worth of rows. Each run deletes
 * in small transactions that skip locked rows and give up rather than queue for a table lock, so it never holds up a
 * write for longer than one small delete.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final EntityManager entityManager;
    private final HousekeepingConfig config;
    private final List<AgedRows> tables;
    private final MeterRegistry registry;

    public Housekeeping(EntityManager entityManager, HousekeepingConfig config, IdempotencyConfig idempotency,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
        this.tables = List.of(new AgedRows("outbox_message", "published_at", config.outboxRetention()),
                new AgedRows("processed_message", "processed_at", config.inboxRetention()),
                new AgedRows("idempotency_key", "created_at", idempotency.retention()));
    }

    @Scheduled(every = "${kepu.housekeeping.every:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.enabled()) {
            run();
        }
    }

    /**
     * One run: for each table, batches until one comes back short or {@code batchesPerRun} were made. A failure (the
     * database away, a table locked) ends that table's run; the next run picks up where it stopped.
     *
     * @return the rows deleted from each table
     */
    public Map<String, Long> run() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (AgedRows rows : tables) {
            long count = 0;
            try {
                for (int batch = 0; batch < config.batchesPerRun(); batch++) {
                    int n = QuarkusTransaction.requiringNew().call(() -> deleteBatch(rows));
                    count += n;
                    if (n < config.batchSize()) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Housekeeping of %s stopped after %d rows; the next run goes on: %s", rows.table(), count,
                        e.getMessage());
            }
            registry.counter("kepu.housekeeping.deleted", "table", rows.table()).increment(count);
            deleted.put(rows.table(), count);
        }
        return deleted;
    }

    private int deleteBatch(AgedRows rows) {
        // A lock that excludes deletes (a migration, reporting's rebuild swapping its inbox in) makes this batch give
        // up at once rather than hold one of the service's few pooled connections while it waits.
        entityManager.createNativeQuery("SELECT set_config('lock_timeout', '100ms', true)").getSingleResult();
        return entityManager.createNativeQuery(rows.deleteBatch())
                .setParameter("retentionSeconds", (double) rows.retention().toSeconds())
                .setParameter("limit", config.batchSize()).executeUpdate();
    }
}
