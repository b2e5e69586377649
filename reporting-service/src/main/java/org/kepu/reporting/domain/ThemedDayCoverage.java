package org.kepu.reporting.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Whether each area of a scope held an event on each themed day of a year: the province and regions look at cities, a
 * city at its counties (or itself when it has none), a county at itself.
 *
 * @param areaLevel CITY or COUNTY: what the areas are
 * @param freshAsOf when the newest event fact behind these figures was applied; null when none has been
 */
public record ThemedDayCoverage(int year, String scope, String areaLevel, List<Day> days, OffsetDateTime freshAsOf) {

    /**
     * One themed day: its dates that year, how many areas held an event, and each area's count.
     *
     * @param announced true when an admin recorded the year's dates; false when they follow the day's usual rule
     */
    public record Day(String key, String nameZh, String nameEn, String theme, LocalDate from, LocalDate to,
            boolean announced, int areasCovered, int areas, List<Area> byArea) {
    }

    /** One area's public events (published or completed) starting on the day's dates. */
    public record Area(String code, String name, long events) {
    }

    /** One row per themed day and area, as officials open it in a spreadsheet. */
    public ReportTable table() {
        ReportTable table = ReportTable.named("主题日覆盖 " + year + " " + scope, "主题日", "开始日期", "结束日期", "地区代码", "地区",
                "活动数", "是否覆盖");
        for (Day day : days) {
            for (Area area : day.byArea()) {
                table.row(day.nameZh(), day.from().toString(), day.to().toString(), area.code(), area.name(),
                        area.events(), area.events() > 0);
            }
        }
        return table;
    }
}
