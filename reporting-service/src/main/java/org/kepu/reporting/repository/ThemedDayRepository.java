package org.kepu.reporting.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.reporting.domain.ReportScope;
import org.kepu.reporting.domain.ThemedDay.Dates;

/** Announced dates of themed days, and the events held on them. */
@ApplicationScoped
public class ThemedDayRepository {

    private static final ZoneId SHANGHAI = ProvinceTime.ZONE;

    private final EntityManager entityManager;

    public ThemedDayRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The dates admins recorded for {@code year}, by themed-day key. */
    public Map<String, Dates> datesIn(int year) {
        Map<String, Dates> dates = new HashMap<>();
        for (Tuple row : NativeRows.list(entityManager,
                "SELECT key, starts_on, ends_on FROM themed_day_dates WHERE year = :year", Map.of("year", year))) {
            dates.put((String) row.get("key"), new Dates(toDate(row.get("starts_on")), toDate(row.get("ends_on"))));
        }
        return dates;
    }

    /** Records the announced dates of a themed day in a year (admins), replacing any before. */
    public void record(String key, int year, Dates dates, String source) {
        entityManager.createNativeQuery("""
                INSERT INTO themed_day_dates (key, year, starts_on, ends_on, source) VALUES (:key, :year, :from, :to, :source)
                ON CONFLICT (key, year) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
                    source = EXCLUDED.source, updated_at = now()
                """).setParameter("key", key).setParameter("year", year).setParameter("from", dates.from())
                .setParameter("to", dates.to()).setParameter("source", source).executeUpdate();
    }

    /**
     * Public events (published or completed) starting on the dates (Shanghai days) in the scope, counted by the
     * column {@code area} ({@code city_code} or {@code division_code}).
     */
    public Map<String, Long> eventsOn(Dates dates, ReportScope scope, String area) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", dates.from().atStartOfDay(SHANGHAI).toOffsetDateTime());
        params.put("to", dates.to().plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
        String condition = ScopeSql.condition(scope, "e", params);
        return CountsByKey.of(NativeRows.list(entityManager, "SELECT e." + area + " AS key, count(*) AS count"
                + " FROM event_summary e WHERE e.status IN ('PUBLISHED', 'COMPLETED') AND e.starts_at >= :from"
                + " AND e.starts_at < :to AND " + condition + " GROUP BY e." + area, params));
    }

    /** Public events starting on the dates (Shanghai days) organized by each of the units, by unit. */
    public Map<String, Long> eventsByOrganizer(Dates dates, List<String> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        return CountsByKey.of(NativeRows.list(entityManager, "SELECT e.organizer_org AS key, count(*) AS count"
                + " FROM event_summary e WHERE e.status IN ('PUBLISHED', 'COMPLETED') AND e.starts_at >= :from"
                + " AND e.starts_at < :to AND e.organizer_org IN (:units) GROUP BY e.organizer_org",
                Map.of("from", dates.from().atStartOfDay(SHANGHAI).toOffsetDateTime(), "to",
                        dates.to().plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime(), "units", units)));
    }

    /** When the event read model last applied a fact. */
    public OffsetDateTime eventsFreshAsOf() {
        return SqlTimes.toOffset(entityManager.createNativeQuery("SELECT max(updated_at) FROM event_summary")
                .getSingleResult());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
