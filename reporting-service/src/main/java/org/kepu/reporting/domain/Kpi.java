package org.kepu.reporting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.time.OffsetDateTime;

/**
 * A target measured: what the plan asks, what the facts show, and how fresh they are.
 *
 * @param gap how far the actual is short of the target; 0 when met
 * @param freshAsOf the time the newest fact behind {@code actual} was applied; null when none has been
 */
public record Kpi(String metric, int year, String scope, BigDecimal target, BigDecimal actual, BigDecimal gap,
        boolean met, String source, OffsetDateTime freshAsOf) {

    public static Kpi of(String metric, int year, String scope, BigDecimal target, BigDecimal actual, String source,
            OffsetDateTime freshAsOf) {
        BigDecimal gap = target.subtract(actual).max(BigDecimal.ZERO);
        return new Kpi(metric, year, scope, target, actual, gap, gap.signum() == 0, source, freshAsOf);
    }

    /** A year's measured targets as officials open them in a spreadsheet. */
    public static ReportTable table(int year, List<Kpi> kpis) {
        ReportTable table = ReportTable.named("目标完成情况 " + year, "指标", "年份", "范围", "目标值", "实际值", "差距", "是否达成",
                "依据", "数据截至");
        for (Kpi kpi : kpis) {
            table.row(KpiMetric.valueOf(kpi.metric()).labelZh(), kpi.year(), kpi.scope(), kpi.target(), kpi.actual(),
                    kpi.gap(), kpi.met(), kpi.source(), kpi.freshAsOf());
        }
        return table;
    }
}
