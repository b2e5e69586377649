package org.kepu.common.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which messages a consumer has applied, so that a redelivered message changes nothing.
 *
 * <p>
 * Call {@link #firstDelivery} in the same transaction as the message's effect: if the effect rolls back, so does the
 * record of having seen it, and the message is applied again on redelivery.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code messageId}; false on every later delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        int inserted = entityManager.createNativeQuery(
                "INSERT INTO processed_message (consumer, message_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer).setParameter("id", messageId).executeUpdate();
        return inserted == 1;
    }

    /**
     * The ids {@code consumer} sees for the first time, recorded in one statement; the rest were delivered before.
     * The returned set is the caller's to change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return new HashSet<>();
        }
        List<?> inserted = entityManager.createNativeQuery("INSERT INTO processed_message (consumer, message_id)"
                + " SELECT :consumer, id FROM unnest(CAST(:ids AS text[])) AS id ON CONFLICT DO NOTHING"
                + " RETURNING message_id").setParameter("consumer", consumer)
                .setParameter("ids", messageIds.toArray(String[]::new)).getResultList();
        Set<String> first = new HashSet<>();
        inserted.forEach(id -> first.add((String) id));
        return first;
    }
}
