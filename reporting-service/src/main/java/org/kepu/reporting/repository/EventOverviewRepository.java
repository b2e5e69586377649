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
        // The total and every breakdown but themes in one pass over the year's tallies (GROUPING SETS), not its events.
        Map<String, Object> tallyParams = new LinkedHashMap<>();
        tallyParams.put("firstMonth", year + "-01");
        tallyParams.put("lastMonth", year + "-12");
        String tallies = "t.month BETWEEN :firstMonth AND :lastMonth AND " + ScopeSql.condition(scope, "t", tallyParams);
        List<Tuple> rows = NativeRows.list(entityManager, "SELECT CASE WHEN GROUPING(t.type) = 0 THEN 'type'"
                + " WHEN GROUPING(t.month) = 0 THEN 'month' WHEN GROUPING(t.status) = 0 THEN 'status'"
                + " WHEN GROUPING(t.format) = 0 THEN 'format' ELSE 'total' END AS dimension,"
                + " coalesce(t.type, t.month, t.status, t.format) AS key, sum(t.events) AS count,"
                + " sum(t.attendance_offline) AS offline, sum(t.attendance_online) AS online, max(t.fresh) AS fresh"
                + " FROM event_tally t WHERE " + tallies
                + " GROUP BY GROUPING SETS ((t.type), (t.month), (t.status), (t.format), ()) HAVING sum(t.events) > 0"
                + " ORDER BY 1, 2", tallyParams);
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
                breakdowns.getOrDefault("format", List.of()), themes(tallies, tallyParams), participants,
                SqlTimes.newest(eventsFresh, SqlTimes.toOffset(registered.get("fresh"))));
    }

    private List<Count> themes(String tallies, Map<String, Object> params) {
        return NativeRows.list(entityManager, "SELECT t.theme AS key, sum(t.events) AS count FROM event_theme_tally t"
                + " WHERE " + tallies + " GROUP BY t.theme HAVING sum(t.events) > 0 ORDER BY t.theme", params).stream()
                .map(row -> new Count(String.valueOf(row.get("key")), NativeRows.number(row, "count"))).toList();
    }
}
