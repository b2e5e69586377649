package org.kepu.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.common.persistence.EntityColumns;
import org.kepu.common.tracing.FactTrace;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records a fact as a CloudEvent in the outbox, inside the caller's transaction; {@link OutboxRelay} publishes it. The
 * event carries the trace of the request that wrote it ({@link FactTrace}), so its consumers continue that trace.
 */
@ApplicationScoped
public class Outbox {

    private static final EntityColumns<OutboxMessage> COLUMNS = EntityColumns.of(OutboxMessage.class);

    private static final String INSERT_ALL = COLUMNS.insertAll("outbox_message");

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper, OutboxConfig config,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Appends one fact. Must run inside the transaction that makes the change, so both commit or neither does.
     *
     * @param topic the aggregate's topic, e.g. {@code kepu.events}
     * @param type the CloudEvent type, past tense, e.g. {@code kepu.event.published}
     * @param aggregateId the aggregate's id: the Kafka key (per-aggregate order) and the CloudEvent subject
     * @param data the aggregate's state after the change
     * @return the CloudEvent id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, UUID aggregateId, Object data) {
        OutboxMessage message = message(topic, type, aggregateId, data, OffsetDateTime.now(ZoneOffset.UTC));
        entityManager.persist(message);
        wakeRelayAfterCommit();
        return message.id;
    }

    /** One fact of a batch: the aggregate it is about and its state after the change. */
    public record Fact(UUID aggregateId, Object data) {
    }

    /**
     * Appends facts of one type about many aggregates in one statement, in the order given (the relay's order), as
     * {@link #append} would one by one. For batches: a thousand facts are one INSERT, not a thousand.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String topic, String type, List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<OutboxMessage> messages = facts.stream()
                .map(fact -> message(topic, type, fact.aggregateId(), fact.data(), now)).toList();
        COLUMNS.write(entityManager, INSERT_ALL, messages);
        wakeRelayAfterCommit();
    }

    private OutboxMessage message(String topic, String type, UUID aggregateId, Object data, OffsetDateTime now) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.key = aggregateId.toString();
        message.type = type;
        message.createdAt = now;
        message.cloudEvent = cloudEvent(message.id, type, aggregateId, now, data);
        return message;
    }

    private String cloudEvent(UUID id, String type, UUID aggregateId, OffsetDateTime now, Object data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id.toString());
        event.put("source", config.source());
        event.put("type", type);
        event.put("subject", aggregateId.toString());
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        // Before the data, so that the relay finds it without reading the payload.
        FactTrace.writeCurrent(event);
        event.put("data", data);
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fact " + type + " cannot be written as JSON", e);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return; // one wake-up per transaction is enough
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
