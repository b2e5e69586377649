package org.kepu.reporting.repository;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.reporting.domain.VenueSummary;

/** The venue read model: one row per venue, at the newest version any fact has shown. */
@ApplicationScoped
public class VenueSummaryRepository {

    private final EntityManager entityManager;

    public VenueSummaryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the summary unless a newer version is already stored. */
    public void upsert(VenueSummary venue) {
        entityManager.createNativeQuery("""
                INSERT INTO venue_summary (venue_id, version, kind, name_zh, division_code, city_code, economic_region,
                                           status, cert_status, cert_level, cert_valid_from, cert_valid_until,
                                           updated_at)
                VALUES (:id, :version, :kind, :name, :division, :city, :region, :status, :certStatus, :certLevel,
                        :certFrom, :certUntil, now())
                ON CONFLICT (venue_id) DO UPDATE SET
                    version = EXCLUDED.version, kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh,
                    division_code = EXCLUDED.division_code, city_code = EXCLUDED.city_code,
                    economic_region = EXCLUDED.economic_region, status = EXCLUDED.status,
                    cert_status = EXCLUDED.cert_status, cert_level = EXCLUDED.cert_level,
                    cert_valid_from = EXCLUDED.cert_valid_from, cert_valid_until = EXCLUDED.cert_valid_until,
                    updated_at = now()
                WHERE venue_summary.version < EXCLUDED.version
                """).setParameter("id", venue.id()).setParameter("version", venue.version())
                .setParameter("status", venue.status())
                .setParameter("certStatus", venue.certification() == null ? null : venue.certification().status())
                .setParameter("certLevel", venue.certification() == null ? null : venue.certification().level())
                .setParameter("certFrom", venue.certification() == null ? null : venue.certification().validFrom())
                .setParameter("certUntil", venue.certification() == null ? null : venue.certification().validUntil())
                .setParameter("kind", venue.kind()).setParameter("name", venue.nameZh())
                .setParameter("division", venue.divisionCode()).setParameter("city", venue.cityCode())
                .setParameter("region", venue.economicRegion()).executeUpdate();
    }

    /** How many venues each city has, by city code; cities with none are absent. */
    public Map<String, Long> countByCity() {
        return CountsByKey.of(NativeRows.list(entityManager, "SELECT city_code AS key, count(*) AS count"
                + " FROM venue_summary WHERE city_code IS NOT NULL GROUP BY city_code", Map.of()));
    }
}
