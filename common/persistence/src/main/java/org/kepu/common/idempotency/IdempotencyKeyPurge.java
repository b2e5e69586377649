package org.kepu.common.idempotency;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/** Forgets Idempotency-Keys older than the retention, hourly, so the table holds about a retention's worth. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private final EntityManager entityManager;
    private final IdempotencyConfig config;

    public IdempotencyKeyPurge(EntityManager entityManager, IdempotencyConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention())).executeUpdate();
    }
}
