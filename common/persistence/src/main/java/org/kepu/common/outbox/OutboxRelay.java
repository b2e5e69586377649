package org.kepu.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;
import org.kepu.common.tracing.FactTrace;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes pending outbox messages to Kafka in commit order and marks them sent.
 *
 * <p>
 * Only one relay in the whole deployment works at a time (a transaction-scoped advisory lock), because two relays
 * splitting one batch could reorder an aggregate's facts. A message is marked sent only after the broker acknowledged
 * it; a pass stops at the first failure so that nothing overtakes an unsent message. Delivery is therefore at least
 * once (a crash between acknowledgement and commit resends), which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by all replicas of all services works; each service has its own database. */
    private static final long RELAY_LOCK = 0x6b657075L; // "kepu"

    private final EntityManager entityManager;
    private final FactProducer producer;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private final Counter passFailures;
    private final ManagedExecutor executor;
    private final CoalescingPass passes = new CoalescingPass();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();

    public OutboxRelay(EntityManager entityManager, FactProducer producer, OutboxConfig config, MeterRegistry registry,
            ManagedExecutor executor) {
        this.entityManager = entityManager;
        this.executor = executor;
        this.producer = producer;
        this.config = config;
        this.published = registry.counter("kepu.outbox.published");
        this.failures = registry.counter("kepu.outbox.failures");
        this.passFailures = registry.counter("kepu.outbox.pass.failures");
    }

    /**
     * Asks for a relay pass soon, without waiting for it; called after a transaction that wrote to the outbox commits,
     * so facts leave within milliseconds rather than at the next poll.
     */
    public void wake() {
        if (!config.relayEnabled()) {
            return;
        }
        passes.request(); // a pass under way may have read its last batch before this commit
        if (wakeRequested.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeRequested.set(false);
                relayPending();
            });
        }
    }

    /** The safety net: picks up whatever a wake-up missed (a crash, a broker outage, another replica's messages). */
    @Scheduled(every = "${kepu.outbox.poll-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            passes.run(() -> {
                while (QuarkusTransaction.requiringNew().call(this::relayBatch) == config.batchSize()) {
                    // a full batch means more may be waiting
                }
            });
        } catch (RuntimeException e) {
            // The database or the broker failed outside a send (the pass is retried at the next poll): say so.
            passFailures.increment();
            LOG.warnf(e, "Outbox relay pass ended early; the next poll retries it");
        }
    }

    /**
     * Sends one batch inside the caller's transaction and returns how many the broker acknowledged. Sends are pipelined
     * (the idempotent producer keeps their order per partition) and acknowledgements are awaited in order.
     */
    private int relayBatch() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxMessage> pending = entityManager
                .createQuery("FROM OutboxMessage WHERE publishedAt IS NULL ORDER BY seq", OutboxMessage.class)
                .setMaxResults(config.batchSize()).getResultList();
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(pending.size());
        int sent = 0;
        try {
            for (OutboxMessage message : pending) {
                acknowledgements.add(producer.send(toRecord(message)));
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent++;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            OutboxMessage stuck = pending.get(sent);
            stuck.attempts++;
            stuck.lastError = String.valueOf(e.getMessage());
            failures.increment();
            LOG.warnf("Outbox relay could not publish %s %s (attempt %d): %s; will retry", stuck.type, stuck.id,
                    stuck.attempts, e.getMessage());
        }
        markPublished(pending.subList(0, sent));
        published.increment(sent);
        return sent == pending.size() ? sent : -1;
    }

    /** The acknowledged messages marked in one statement: a relay pass of a thousand facts is not a thousand UPDATEs. */
    private void markPublished(List<OutboxMessage> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery("UPDATE outbox_message SET published_at = :now WHERE seq = ANY(CAST(:seqs AS bigint[]))")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("seqs", acknowledged.stream().map(m -> String.valueOf(m.seq)).toArray(String[]::new))
                .executeUpdate();
    }

    private static ProducerRecord<String, String> toRecord(OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.key, message.cloudEvent);
        record.headers().add(new RecordHeader("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
        // Kepu's consumers continue the event's own attribute, which travels with it into a replay; the same value as
        // the record's W3C header serves tools that look at headers only (Kafka UIs, messaging connectors' tracing).
        String traceparent = FactTrace.traceparentIn(message.cloudEvent);
        if (traceparent != null) {
            record.headers().add(new RecordHeader(FactTrace.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII)));
        }
        return record;
    }
}
