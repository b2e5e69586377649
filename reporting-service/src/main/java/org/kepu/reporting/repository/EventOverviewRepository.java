package org.kepu.reporting.repository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.reporting.domain.EventOverview.Count;
import org.kepu.reporting.domain.EventOverview.Participants;
import org.kepu.reporting.domain.EventOverview;
import org.kepu.reporting.domain.ReportScope;

/** The events overview's figures, from the event read model, months in Asia/Shanghai. */
@ApplicationScoped
public class EventOverviewRepository {

    private static final ZoneId SHANGHAI = ProvinceTime.ZONE;

    private final EntityManager entityManager;

    public EventOverviewRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public EventOverview overview(int year, ReportScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", LocalDate.of(year, 1, 1).atStartOfDay(SHANGHAI).toOffsetDateTime());
        params.put("to", LocalDate.of(year + 1, 1, 1).atStartOfDay(SHANGHAI).toOffsetDateTime());
        String where = "e.starts_at >= :from AND e.starts_at < :to AND " + ScopeSql.condition(scope, "e", params);
        // One pass over the year's events for the total and every breakdown but themes (GROUPING SETS).
        List<?> rows = query("SELECT CASE WHEN GROUPING(e.type) = 0 THEN 'type' WHEN GROUPING(e.month) = 0 THEN 'month'"
                + " WHEN GROUPING(e.status) = 0 THEN 'status' WHEN GROUPING(e.format) = 0 THEN 'format' ELSE 'total' END,"
                + " coalesce(e.type, e.month, e.status, e.format), count(*), coalesce(sum(e.attendance_offline), 0),"
                + " coalesce(sum(e.attendance_online), 0), max(e.updated_at)"
                + " FROM (SELECT e.type, to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,"
                + " e.status, coalesce(e.format, 'OFFLINE') AS format, e.attendance_offline, e.attendance_online,"
                + " e.updated_at FROM event_summary e WHERE " + where + ") e"
                + " GROUP BY GROUPING SETS ((e.type), (e.month), (e.status), (e.format), ()) ORDER BY 1, 2", params)
                .getResultList();
        Map<String, List<Count>> breakdowns = new HashMap<>();
        Object[] totals = {0L, 0L, 0L, null};
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if ("total".equals(r[0])) {
                totals = new Object[]{r[2], r[3], r[4], r[5]};
            } else {
                breakdowns.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add(new Count(String.valueOf(r[1]), ((Number) r[2]).longValue()));
            }
        }
        Object[] registered = (Object[]) query("SELECT count(*) FILTER (WHERE r.status = 'CONFIRMED'),"
                + " coalesce(sum(r.size) FILTER (WHERE r.status = 'CONFIRMED'), 0),"
                + " coalesce(sum(r.size) FILTER (WHERE r.checked_in AND r.status <> 'CANCELLED'), 0),"
                + " max(r.updated_at) FROM registration_summary r JOIN event_summary e ON e.event_id = r.event_id"
                + " WHERE " + where, params).getSingleResult();
        Participants participants = new Participants(((Number) registered[0]).longValue(),
                ((Number) registered[1]).longValue(), ((Number) registered[2]).longValue(),
                ((Number) totals[1]).longValue(), ((Number) totals[2]).longValue());
        return new EventOverview(year, scope.text(), ((Number) totals[0]).longValue(),
                breakdowns.getOrDefault("type", List.of()), breakdowns.getOrDefault("month", List.of()),
                breakdowns.getOrDefault("status", List.of()), breakdowns.getOrDefault("format", List.of()),
                themes(where, params), participants,
                SqlTimes.newest(SqlTimes.toOffset(totals[3]), SqlTimes.toOffset(registered[3])));
    }

    private List<Count> themes(String where, Map<String, Object> params) {
        return rows(query("SELECT t.theme, count(*) FROM event_summary e CROSS JOIN unnest(e.themes) AS t(theme)"
                + " WHERE " + where + " GROUP BY t.theme ORDER BY t.theme", params));
    }

    private Query query(String sql, Map<String, Object> params) {
        Query query = entityManager.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query;
    }

    private static List<Count> rows(Query query) {
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Count(String.valueOf(row[0]), ((Number) row[1]).longValue())).toList();
    }

}
