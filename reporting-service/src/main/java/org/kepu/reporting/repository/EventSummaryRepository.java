package org.kepu.reporting.repository;

import java.util.List;
import java.util.Map;

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

    /** Stores the summary unless a newer version is already stored (facts of one event may be redelivered). */
    public void upsert(EventSummary event) {
        entityManager.createNativeQuery("""
                INSERT INTO event_summary (event_id, version, status, type, division_code, city_code, economic_region,
                                           starts_at, organizer_org, format, themes, attendance_offline,
                                           attendance_online, updated_at)
                VALUES (:id, :version, :status, :type, :division, :city, :region, :startsAt, :org, :format,
                        string_to_array(:themes, ','), :offline, :online, now())
                ON CONFLICT (event_id) DO UPDATE SET
                    version = EXCLUDED.version, status = EXCLUDED.status, type = EXCLUDED.type,
                    division_code = EXCLUDED.division_code, city_code = EXCLUDED.city_code,
                    economic_region = EXCLUDED.economic_region, starts_at = EXCLUDED.starts_at,
                    organizer_org = EXCLUDED.organizer_org, format = EXCLUDED.format, themes = EXCLUDED.themes,
                    attendance_offline = EXCLUDED.attendance_offline, attendance_online = EXCLUDED.attendance_online,
                    updated_at = now()
                WHERE event_summary.version < EXCLUDED.version
                """).setParameter("id", event.id()).setParameter("version", event.version())
                .setParameter("format", event.format())
                .setParameter("themes", event.themes() == null ? "" : String.join(",", event.themes()))
                .setParameter("offline", event.attendanceOffline()).setParameter("online", event.attendanceOnline())
                .setParameter("status", event.status()).setParameter("type", event.type())
                .setParameter("division", event.divisionCode()).setParameter("city", event.cityCode())
                .setParameter("region", event.economicRegion()).setParameter("startsAt", event.startsAt())
                .setParameter("org", event.organizerOrg()).executeUpdate();
    }

    /** How many events each city has in the given statuses, by city code; cities with none are absent. */
    public Map<String, Long> countByCity(List<String> statuses) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT city_code, count(*) FROM event_summary
                WHERE status IN (:statuses) AND city_code IS NOT NULL GROUP BY city_code
                """).setParameter("statuses", statuses).getResultList();
        return CountsByKey.of(rows);
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
