package org.kepu.reporting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kepu.common.inbox.PoisonFact;
import org.kepu.reporting.messaging.FactReplay.Fact;
import org.kepu.reporting.repository.ReadModelSchemas;

/** Applies replayed facts to the fresh tables of a rebuild, many per transaction. */
@ApplicationScoped
public class ReplayBatches {

    /** What one batch did. */
    public record Applied(int applied, int skipped) {
    }

    private final ReadModels readModels;
    private final EntityManager entityManager;

    public ReplayBatches(ReadModels readModels, EntityManager entityManager) {
        this.readModels = readModels;
        this.entityManager = entityManager;
    }

    /**
     * The same code as the live consumers, with the rebuild's schema first in this transaction's search path, so every
     * unqualified table (read models and inbox) is the fresh one. Unreadable facts are skipped, as the live consumers
     * dead-letter them.
     */
    @Transactional
    public Applied apply(List<Fact> facts) {
        entityManager.createNativeQuery("SELECT set_config('search_path', :path, true)")
                .setParameter("path", ReadModelSchemas.REBUILD + ", public").getSingleResult();
        int skipped = 0;
        for (Fact fact : facts) {
            try {
                readModels.apply(fact.feed(), fact.json());
            } catch (PoisonFact e) {
                skipped++;
            }
        }
        return new Applied(facts.size() - skipped, skipped);
    }
}
