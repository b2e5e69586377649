package org.kepu.reporting.repository;

import java.util.Collection;
import java.util.UUID;

import jakarta.persistence.EntityManager;

/**
 * Transaction locks on events, taken by every write of events or their registrations before it writes (V9): an event
 * applied for the first time takes the sums of the registrations already there, and a registration applied later adds
 * to the event's row, so the two must not pass each other unseen. All of a transaction's locks are taken in one
 * statement, in key order, so two writers never wait for each other in a circle; keyed by schema too, so that a
 * rebuild's replay, which writes its own tables, never waits for the live consumers (which wait for its swap).
 */
final class EventLocks {

    private EventLocks() {
    }

    static void lock(EntityManager entityManager, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        // A volatile function in a select list runs after its query's sort: the locks are taken in key order.
        entityManager.createNativeQuery("""
                SELECT count(*) FROM (
                    SELECT pg_advisory_xact_lock(k.key) FROM (
                        SELECT DISTINCT hashtextextended(current_schema() || ':' || e.id::text, 0) AS key
                        FROM unnest(CAST(?1 AS uuid[])) AS e(id)) k
                    ORDER BY k.key) locked
                """).setParameter(1, eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .getSingleResult();
    }
}
