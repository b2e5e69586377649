package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

import org.kepu.reporting.domain.EventOverview.Count;

/**
 * The places of a scope as dashboards show them: venues (not closed for good) by kind, education bases by level
 * (certified and in force today) and by status (NOT_YET_VALID before a certificate's validity, LAPSED after it), the
 * year's school visits by region, and the year's touring stops and visitors by region.
 *
 * @param freshAsOf when the newest venue, booking or tour fact behind these figures was applied; null when none has
 *        been
 */
public record VenueOverview(int year, String scope, List<Count> venuesByKind, List<Count> basesByLevel,
        List<Count> basesByStatus, List<Visits> visitsByRegion, List<Count> stopsByRegion,
        List<Count> stopVisitorsByRegion, OffsetDateTime freshAsOf) {

    /**
     * School group visits booked at venues in one economic region.
     *
     * @param bookings bookings confirmed or attended (not cancelled or rejected)
     * @param bookedPeople the seats those bookings hold
     * @param visitors the people the venues recorded as having come
     */
    public record Visits(String region, long bookings, long bookedPeople, long visitors) {
    }

    /** The overview as one row per figure: dimension, item, count. */
    public ReportTable table() {
        ReportTable table = ReportTable.named("场馆概览 " + year + " " + scope, "维度", "项目", "数量");
        EventOverview.rows(table, "场馆类型", venuesByKind);
        EventOverview.rows(table, "基地级别", basesByLevel);
        EventOverview.rows(table, "基地状态", basesByStatus);
        for (Visits visits : visitsByRegion) {
            table.row("团体预约", visits.region() + " 预约数", visits.bookings());
            table.row("团体预约", visits.region() + " 预约人数", visits.bookedPeople());
            table.row("团体预约", visits.region() + " 到访人数", visits.visitors());
        }
        EventOverview.rows(table, "巡展站点", stopsByRegion);
        EventOverview.rows(table, "巡展观众", stopVisitorsByRegion);
        return table;
    }
}
