package org.kepu.reporting.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.common.persistence.EntityColumns;
import org.kepu.reporting.domain.EventSummary;

/** The event read model: one row per event, at the newest version any fact has shown. */
@ApplicationScoped
public class EventSummaryRepository {

    private static final EntityColumns<EventSummary> COLUMNS = EntityColumns.of(EventSummary.class);

    private static final String UPSERT_ALL = COLUMNS.upsertAll("event_summary", "event_id",
            "event_summary.version < EXCLUDED.version", "updated_at");

    private final EntityManager entityManager;

    public EventSummaryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores a batch's summaries in one statement, each unless a newer version is already stored. Several facts of one
     * event in a batch leave its newest: as stored one by one, since each would only ever replace an older version (and
     * one statement may not touch a row twice).
     */
    public void upsertAll(List<EventSummary> batch) {
        Map<UUID, EventSummary> newest = new LinkedHashMap<>();
        batch.forEach(event -> newest.merge(event.id(), event, (a, b) -> b.version() > a.version() ? b : a));
        EventLocks.lock(entityManager, newest.keySet());
        COLUMNS.write(entityManager, UPSERT_ALL, List.copyOf(newest.values()));
    }

    /** How many events each city has in the given statuses, by city code; cities with none are absent. */
    public Map<String, Long> countByCity(List<String> statuses) {
        return CountsByKey.of(NativeRows.list(entityManager, """
                SELECT city_code AS key, count(*) AS count FROM event_summary
                WHERE status IN (:statuses) AND city_code IS NOT NULL GROUP BY city_code
                """, Map.of("statuses", statuses)));
    }

    /** Which of the ids are events the reports know. */
    public java.util.Set<java.util.UUID> existing(List<java.util.UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        List<?> rows = entityManager.createNativeQuery("SELECT event_id FROM event_summary WHERE event_id IN (:ids)")
                .setParameter("ids", ids).getResultList();
        return rows.stream().map(java.util.UUID.class::cast).collect(java.util.stream.Collectors.toSet());
    }
}
