package org.kepu.reporting.repository;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.reporting.domain.EventOverview.Count;
import org.kepu.reporting.domain.ReportScope;
import org.kepu.reporting.domain.VenueOverview;
import org.kepu.reporting.domain.VenueOverview.Visits;

/** The places overview's figures, from the venue and touring-stop read models; "today" is Shanghai's. */
@ApplicationScoped
public class VenueOverviewRepository {

    private static final String TODAY = "(now() AT TIME ZONE 'Asia/Shanghai')::date";

    private final EntityManager entityManager;

    public VenueOverviewRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public VenueOverview overview(int year, ReportScope scope) {
        Map<String, Object> venueParams = new LinkedHashMap<>();
        String venues = ScopeSql.condition(scope, "v", venueParams) + " AND coalesce(v.status, 'ACTIVE') <> 'CLOSED'";
        Map<String, Object> stopParams = new LinkedHashMap<>();
        stopParams.put("year", year);
        String stops = ScopeSql.condition(scope, "s", stopParams)
                + " AND NOT s.removed AND extract(YEAR FROM s.starts_on) = :year";
        List<Count> byKind = counts("SELECT v.kind AS key, count(*) AS count FROM venue_summary v WHERE " + venues
                + " GROUP BY v.kind ORDER BY v.kind", venueParams);
        List<Count> byLevel = counts("SELECT v.cert_level AS key, count(*) AS count FROM venue_summary v WHERE " + venues
                + " AND " + CertificationSql.statusOn(TODAY) + " = 'CERTIFIED' GROUP BY v.cert_level ORDER BY v.cert_level",
                venueParams);
        List<Count> byStatus = counts("SELECT " + CertificationSql.statusOn(TODAY) + " AS key, count(*) AS count"
                + " FROM venue_summary v WHERE " + venues + " AND v.cert_status IS NOT NULL GROUP BY key ORDER BY key",
                venueParams);
        List<Count> stopsByRegion = counts(
                "SELECT s.economic_region AS key, count(*) AS count FROM tour_stop_summary s WHERE " + stops
                        + " GROUP BY s.economic_region ORDER BY s.economic_region",
                stopParams);
        List<Count> visitors = counts(
                "SELECT s.economic_region AS key, coalesce(sum(s.visitors), 0) AS count FROM tour_stop_summary s"
                        + " WHERE " + stops + " GROUP BY s.economic_region ORDER BY s.economic_region",
                stopParams);
        OffsetDateTime fresh = SqlTimes.toOffset(entityManager.createNativeQuery("SELECT greatest("
                + "(SELECT max(updated_at) FROM venue_summary), (SELECT max(updated_at) FROM tour_stop_summary),"
                + " (SELECT max(updated_at) FROM booking_summary))").getSingleResult());
        return new VenueOverview(year, scope.text(), byKind, byLevel, byStatus, visits(year, scope), stopsByRegion,
                visitors, fresh);
    }

    private List<Visits> visits(int year, ReportScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year);
        String condition = ScopeSql.condition(scope, "b", params);
        return NativeRows.list(entityManager, "SELECT b.economic_region AS region, count(*) AS bookings,"
                + " coalesce(sum(b.size), 0) AS booked_people, coalesce(sum(b.attended), 0) AS visitors"
                + " FROM booking_summary b WHERE " + condition + " AND b.status IN ('CONFIRMED', 'ATTENDED')"
                + " AND extract(YEAR FROM b.slot_starts_at AT TIME ZONE 'Asia/Shanghai') = :year"
                + " GROUP BY b.economic_region ORDER BY b.economic_region", params).stream()
                .map(row -> new Visits(String.valueOf(row.get("region")), NativeRows.number(row, "bookings"),
                        NativeRows.number(row, "booked_people"), NativeRows.number(row, "visitors")))
                .toList();
    }

    private List<Count> counts(String sql, Map<String, Object> params) {
        return NativeRows.list(entityManager, sql, params).stream()
                .map(row -> new Count(String.valueOf(row.get("key")), NativeRows.number(row, "count"))).toList();
    }
}
