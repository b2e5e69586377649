package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year of public events in a scope, broken down as dashboards show them.
 *
 * @param freshAsOf when the newest event or registration fact behind these figures was applied; null when none has
 *        been
 */
public record EventOverview(int year, String scope, long total, List<Count> byType, List<Count> byMonth,
        List<Count> byStatus, List<Count> byFormat, List<Count> byTheme, Participants participants,
        OffsetDateTime freshAsOf) {

    /** One bucket of a breakdown. */
    public record Count(String key, long count) {
    }

    /**
     * Who took part in the scope's events of the year.
     *
     * @param registrations confirmed registrations (not wait-listed or cancelled)
     * @param registeredPeople the people those registrations hold seats for
     * @param checkedInPeople the people checked in at the door
     * @param attendanceOffline attendance the organizers reported for completed events
     * @param attendanceOnline online reach the organizers reported (views, live viewers)
     */
    public record Participants(long registrations, long registeredPeople, long checkedInPeople,
            long attendanceOffline, long attendanceOnline) {
    }

    /** The overview as one row per figure: dimension, item, count. */
    public ReportTable table() {
        ReportTable table = ReportTable.named("活动概览 " + year + " " + scope, "维度", "项目", "数量");
        table.row("合计", "活动", total);
        rows(table, "类型", byType);
        rows(table, "月份", byMonth);
        rows(table, "状态", byStatus);
        rows(table, "形式", byFormat);
        rows(table, "主题", byTheme);
        table.row("参与", "报名（已确认）", participants.registrations());
        table.row("参与", "报名人数", participants.registeredPeople());
        table.row("参与", "签到人数", participants.checkedInPeople());
        table.row("参与", "线下参与人次", participants.attendanceOffline());
        table.row("参与", "线上参与人次", participants.attendanceOnline());
        return table;
    }

    static void rows(ReportTable table, String dimension, List<Count> counts) {
        counts.forEach(count -> table.row(dimension, count.key(), count.count()));
    }
}
