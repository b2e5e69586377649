package org.kepu.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.common.persistence.Backlog;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox's backlog as an operator alerts on it: {@code kepu_outbox_backlog}, the facts written but not yet
 * acknowledged by the broker, and {@code kepu_outbox_backlog_oldest_age_seconds}, how long the oldest of them has
 * waited. Healthy, both stay near 0 (the relay is woken at each commit); a broker that is away or a relay that is
 * stuck makes the age climb. Every replica samples, whichever relays, so each reports the same figures.
 */
@Startup
@ApplicationScoped
public class OutboxGauges {

    private final EntityManager entityManager;
    private final Backlog backlog;

    public OutboxGauges(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.backlog = Backlog.register(registry, "kepu.outbox.backlog", "outbox facts not yet published");
    }

    @Scheduled(every = "${kepu.metrics.sample-interval:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sample() {
        backlog.sample(this::waiting);
    }

    /**
     * Both figures from the partial index of unpublished rows only, never the published history: the count costs in
     * proportion to the backlog, and the oldest is the first by seq (the relay's order), one index entry, rather than
     * min(created_at) over every waiting row.
     */
    private Backlog.Waiting waiting() {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT count(*), coalesce(CAST(extract(epoch FROM"
                + " now() - (SELECT created_at FROM outbox_message WHERE published_at IS NULL ORDER BY seq LIMIT 1))"
                + " AS double precision), 0) FROM outbox_message WHERE published_at IS NULL").getSingleResult();
        return new Backlog.Waiting(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }
}
