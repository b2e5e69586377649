package org.kepu.reporting.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.kepu.reporting.domain.EventOverview.Count;
import org.kepu.reporting.domain.EventOverview.Participants;
import org.kepu.reporting.domain.EventOverview;
import org.kepu.reporting.domain.ReportScope;

/** The events overview's figures, from the event tallies (V8, V9): months in Asia/Shanghai. */
@ApplicationScoped
public class EventOverviewRepository {

    private final EntityManager entityManager;

    public EventOverviewRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public EventOverview overview(int year, ReportScope scope) {
        // The total, the participants and every breakdown but themes in one pass over the year's tallies (GROUPING
        // SETS), not its events and registrations.
        Map<String, Object> tallyParams = new LinkedHashMap<>();
        tallyParams.put("firstMonth", year + "-01");
        tallyParams.put("lastMonth", year + "-12");
        String tallies = "t.month BETWEEN :firstMonth AND :lastMonth AND " + ScopeSql.condition(scope, "t", tallyParams);
        List<Tuple> rows = NativeRows.list(entityManager, "SELECT CASE WHEN GROUPING(t.type) = 0 THEN 'type'"
                + " WHEN GROUPING(t.month) = 0 THEN 'month' WHEN GROUPING(t.status) = 0 THEN 'status'"
                + " WHEN GROUPING(t.format) = 0 THEN 'format' ELSE 'total' END AS dimension,"
                + " coalesce(t.type, t.month, t.status, t.format) AS key, sum(t.events) AS count,"
                + " sum(t.attendance_offline) AS offline, sum(t.attendance_online) AS online,"
                + " sum(t.registrations) AS registrations, sum(t.registered_people) AS people,"
                + " sum(t.checked_in_people) AS checked_in, greatest(max(t.fresh), max(t.participants_fresh)) AS fresh"
                + " FROM event_tally t WHERE " + tallies
                + " GROUP BY GROUPING SETS ((t.type), (t.month), (t.status), (t.format), ()) HAVING sum(t.events) > 0"
                + " ORDER BY 1, 2", tallyParams);
        Map<String, List<Count>> breakdowns = new HashMap<>();
        long total = 0;
        Participants participants = new Participants(0, 0, 0, 0, 0);
        OffsetDateTime fresh = null;
        for (Tuple row : rows) {
            if ("total".equals(row.get("dimension"))) {
                total = NativeRows.number(row, "count");
                participants = new Participants(NativeRows.number(row, "registrations"),
                        NativeRows.number(row, "people"), NativeRows.number(row, "checked_in"),
                        NativeRows.number(row, "offline"), NativeRows.number(row, "online"));
                fresh = SqlTimes.toOffset(row.get("fresh"));
            } else {
                breakdowns.computeIfAbsent((String) row.get("dimension"), k -> new ArrayList<>())
                        .add(new Count(String.valueOf(row.get("key")), NativeRows.number(row, "count")));
            }
        }
        return new EventOverview(year, scope.text(), total, breakdowns.getOrDefault("type", List.of()),
                breakdowns.getOrDefault("month", List.of()), breakdowns.getOrDefault("status", List.of()),
                breakdowns.getOrDefault("format", List.of()), themes(tallies, tallyParams), participants,
                fresh);
    }

    private List<Count> themes(String tallies, Map<String, Object> params) {
        return NativeRows.list(entityManager, "SELECT t.theme AS key, sum(t.events) AS count FROM event_theme_tally t"
                + " WHERE " + tallies + " GROUP BY t.theme HAVING sum(t.events) > 0 ORDER BY t.theme", params).stream()
                .map(row -> new Count(String.valueOf(row.get("key")), NativeRows.number(row, "count"))).toList();
    }
}
