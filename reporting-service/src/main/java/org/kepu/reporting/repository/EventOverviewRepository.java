package org.kepu.reporting.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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
        List<Tuple> rows = NativeRows.list(entityManager, "SELECT CASE WHEN GROUPING(e.type) = 0 THEN 'type'"
                + " WHEN GROUPING(e.month) = 0 THEN 'month' WHEN GROUPING(e.status) = 0 THEN 'status'"
                + " WHEN GROUPING(e.format) = 0 THEN 'format' ELSE 'total' END AS dimension,"
                + " coalesce(e.type, e.month, e.status, e.format) AS key, count(*) AS count,"
                + " coalesce(sum(e.attendance_offline), 0) AS offline, coalesce(sum(e.attendance_online), 0) AS online,"
                + " max(e.updated_at) AS fresh"
                + " FROM (SELECT e.type, to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,"
                + " e.status, coalesce(e.format, 'OFFLINE') AS format, e.attendance_offline, e.attendance_online,"
                + " e.updated_at FROM event_summary e WHERE " + where + ") e"
                + " GROUP BY GROUPING SETS ((e.type), (e.month), (e.status), (e.format), ()) ORDER BY 1, 2", params);
        Map<String, List<Count>> breakdowns = new HashMap<>();
        long total = 0;
        long offline = 0;
        long online = 0;
        OffsetDateTime eventsFresh = null;
        for (Tuple row : rows) {
            if ("total".equals(row.get("dimension"))) {
                total = NativeRows.number(row, "count");
                offline = NativeRows.number(row, "offline");
                online = NativeRows.number(row, "online");
                eventsFresh = SqlTimes.toOffset(row.get("fresh"));
            } else {
                breakdowns.computeIfAbsent((String) row.get("dimension"), k -> new ArrayList<>())
                        .add(new Count(String.valueOf(row.get("key")), NativeRows.number(row, "count")));
            }
        }
        Tuple registered = NativeRows.single(entityManager, "SELECT count(*) FILTER (WHERE r.status = 'CONFIRMED')"
                + " AS registrations, coalesce(sum(r.size) FILTER (WHERE r.status = 'CONFIRMED'), 0) AS people,"
                + " coalesce(sum(r.size) FILTER (WHERE r.checked_in AND r.status <> 'CANCELLED'), 0) AS checked_in,"
                + " max(r.updated_at) AS fresh FROM registration_summary r"
                + " JOIN event_summary e ON e.event_id = r.event_id WHERE " + where, params);
        Participants participants = new Participants(NativeRows.number(registered, "registrations"),
                NativeRows.number(registered, "people"), NativeRows.number(registered, "checked_in"), offline, online);
        return new EventOverview(year, scope.text(), total, breakdowns.getOrDefault("type", List.of()),
                breakdowns.getOrDefault("month", List.of()), breakdowns.getOrDefault("status", List.of()),
                breakdowns.getOrDefault("format", List.of()), themes(where, params), participants,
                SqlTimes.newest(eventsFresh, SqlTimes.toOffset(registered.get("fresh"))));
    }

    private List<Count> themes(String where, Map<String, Object> params) {
        return NativeRows.list(entityManager, "SELECT t.theme AS key, count(*) AS count FROM event_summary e"
                + " CROSS JOIN unnest(e.themes) AS t(theme) WHERE " + where + " GROUP BY t.theme ORDER BY t.theme",
                params).stream().map(row -> new Count(String.valueOf(row.get("key")), NativeRows.number(row, "count")))
                .toList();
    }
}
