package org.kepu.reporting.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** The figures the plans' targets are measured by, read from the read models. */
@ApplicationScoped
public class KpiRepository {

    /** A target as stored. */
    public record Target(String metric, int year, String scope, BigDecimal value, String source) {
    }

    /** A count with the time its newest fact was applied. */
    public record Figure(long count, OffsetDateTime freshAsOf) {
    }

    private final EntityManager entityManager;

    public KpiRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Target> targets(int year) {
        return NativeRows.list(entityManager,
                "SELECT metric, year, scope, value, source FROM target WHERE year = :year ORDER BY metric, scope",
                Map.of("year", year)).stream()
                .map(row -> new Target((String) row.get("metric"), ((Number) row.get("year")).intValue(),
                        (String) row.get("scope"), (BigDecimal) row.get("value"), (String) row.get("source")))
                .toList();
    }

    /** Sets a target (admins), creating or replacing it. */
    public void putTarget(Target target) {
        entityManager.createNativeQuery("""
                INSERT INTO target (metric, year, scope, value, source, updated_at)
                VALUES (:metric, :year, :scope, :value, :source, now())
                ON CONFLICT (metric, year, scope) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source,
                    updated_at = now()
                """).setParameter("metric", target.metric()).setParameter("year", target.year())
                .setParameter("scope", target.scope()).setParameter("value", target.value())
                .setParameter("source", target.source()).executeUpdate();
    }

    /** Bases certified at one of the levels and in force on {@code asOf}: begun by then, and not ended before. */
    public Figure certifiedBases(Set<String> levels, LocalDate asOf) {
        return figure("SELECT count(*) AS count, max(v.updated_at) AS fresh FROM venue_summary v"
                + " WHERE v.cert_level IN (:levels) AND " + CertificationSql.statusOn(":asOf") + " = 'CERTIFIED'",
                "levels", levels, "asOf", asOf);
    }

    /** Touring stops of the year in the regions, not removed. */
    public Figure touringStops(Set<String> regions, int year) {
        return figure("SELECT count(*) AS count, max(updated_at) AS fresh FROM tour_stop_summary WHERE NOT removed"
                + " AND economic_region IN (:regions) AND extract(YEAR FROM starts_on) = :year", "regions", regions,
                "year", year);
    }

    /** The cities (codes) with at least one comprehensive science museum not closed for good. */
    public List<String> citiesWithScienceMuseum() {
        List<?> rows = entityManager.createNativeQuery("SELECT DISTINCT city_code FROM venue_summary"
                + " WHERE kind = 'SCIENCE_MUSEUM' AND coalesce(status, 'ACTIVE') <> 'CLOSED' AND city_code IS NOT NULL")
                .getResultList();
        return rows.stream().map(String::valueOf).map(String::trim).toList();
    }

    /** When the venue read model last applied a fact. */
    public OffsetDateTime venuesFreshAsOf() {
        Object value = entityManager.createNativeQuery("SELECT max(updated_at) FROM venue_summary").getSingleResult();
        return SqlTimes.toOffset(value);
    }

    private Figure figure(String sql, String name1, Object value1, String name2, Object value2) {
        Tuple row = NativeRows.single(entityManager, sql, Map.of(name1, value1, name2, value2));
        return new Figure(NativeRows.number(row, "count"), SqlTimes.toOffset(row.get("fresh")));
    }

}
