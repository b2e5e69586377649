package org.kepu.reporting.messaging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kepu.reporting.messaging.FactReplay.Fact;
import org.kepu.reporting.messaging.ReadModels.Feed;
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
        // Facts of one feed keep their order; the feeds are independent of each other.
        Map<Feed, List<String>> byFeed = new EnumMap<>(Feed.class);
        facts.forEach(fact -> byFeed.computeIfAbsent(fact.feed(), f -> new ArrayList<>()).add(fact.json()));
        int skipped = 0;
        for (Map.Entry<Feed, List<String>> feed : byFeed.entrySet()) {
            skipped += readModels.applyAll(feed.getKey(), feed.getValue()).size();
        }
        return new Applied(facts.size() - skipped, skipped);
    }
}
