package org.kepu.common.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records a fact as a CloudEvent in the outbox, inside the caller's transaction; {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

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
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id.toString());
        event.put("source", config.source());
        event.put("type", type);
        event.put("subject", aggregateId.toString());
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);

        OutboxMessage message = new OutboxMessage();
        message.id = id;
        message.topic = topic;
        message.key = aggregateId.toString();
        message.type = type;
        message.createdAt = now;
        try {
            message.cloudEvent = objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fact " + type + " cannot be written as JSON", e);
        }
        entityManager.persist(message);
        wakeRelayAfterCommit();
        return id;
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
