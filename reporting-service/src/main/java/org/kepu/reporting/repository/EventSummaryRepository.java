package org.kepu.reporting.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.reporting.domain.EventSummary;

/** The event read model: one row per event, at the newest version any fact has shown. */
@ApplicationScoped
public class EventSummaryRepository {

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
        List<EventSummary> rows = List.copyOf(newest.values());
        entityManager.createNativeQuery("""
                INSERT INTO event_summary (event_id, version, status, type, division_code, city_code, economic_region,
                                           starts_at, organizer_org, format, themes, attendance_offline,
                                           attendance_online, updated_at)
                SELECT r.id, r.version, r.status, r.type, r.division, r.city, r.region, r.starts_at, r.org, r.format,
                       string_to_array(r.themes, ','), r.offline, r.online, now()
                FROM unnest(CAST(:ids AS uuid[]), CAST(:versions AS bigint[]), CAST(:statuses AS text[]),
                            CAST(:types AS text[]), CAST(:divisions AS text[]), CAST(:cities AS text[]),
                            CAST(:regions AS text[]), CAST(:startsAt AS timestamptz[]), CAST(:orgs AS text[]),
                            CAST(:formats AS text[]), CAST(:themes AS text[]), CAST(:offline AS int[]),
                            CAST(:online AS int[]))
                     AS r(id, version, status, type, division, city, region, starts_at, org, format, themes, offline,
                          online)
                ON CONFLICT (event_id) DO UPDATE SET
                    version = EXCLUDED.version, status = EXCLUDED.status, type = EXCLUDED.type,
                    division_code = EXCLUDED.division_code, city_code = EXCLUDED.city_code,
                    economic_region = EXCLUDED.economic_region, starts_at = EXCLUDED.starts_at,
                    organizer_org = EXCLUDED.organizer_org, format = EXCLUDED.format, themes = EXCLUDED.themes,
                    attendance_offline = EXCLUDED.attendance_offline, attendance_online = EXCLUDED.attendance_online,
                    updated_at = now()
                WHERE event_summary.version < EXCLUDED.version
                """).setParameter("ids", column(rows, e -> e.id()))
                .setParameter("versions", column(rows, e -> e.version()))
                .setParameter("statuses", column(rows, EventSummary::status))
                .setParameter("types", column(rows, EventSummary::type))
                .setParameter("divisions", column(rows, EventSummary::divisionCode))
                .setParameter("cities", column(rows, EventSummary::cityCode))
                .setParameter("regions", column(rows, EventSummary::economicRegion))
                .setParameter("startsAt", column(rows, EventSummary::startsAt))
                .setParameter("orgs", column(rows, EventSummary::organizerOrg))
                .setParameter("formats", column(rows, EventSummary::format))
                .setParameter("themes", column(rows, e -> e.themes() == null ? "" : String.join(",", e.themes())))
                .setParameter("offline", column(rows, EventSummary::attendanceOffline))
                .setParameter("online", column(rows, EventSummary::attendanceOnline)).executeUpdate();
    }

    /** One column of the batch as text, each value as PostgreSQL reads it (null stays null). */
    private static String[] column(List<EventSummary> rows, Function<EventSummary, Object> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
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
