package org.kepu.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kepu.reporting.domain.CompletionReport.Content;

/** The due-date rule at the day's edge in Shanghai, with the clock fixed by the times given. */
class CompletionReportTest {

    static final Content DONE = new Content(ReportStatus.DONE, "完成", 3, 100, Map.of(), List.of());

    static Plan plan() {
        return Plan.of(2021, "广州市科学技术局", "2021年广州市科普工作计划", null);
    }

    static PlanTask task(Plan plan) {
        PlanTask task = PlanTask.of(plan.id, 1);
        task.describe(1, "一", "科技活动周", "组织活动。", List.of("市科技局"), null, "task");
        return task;
    }

    @Test
    void aPlanIsDueOnTheThirtiethOfNovemberOfItsYearUnlessItSaysOtherwise() {
        assertEquals(LocalDate.of(2021, 11, 30), plan().dueOn);
        assertEquals(LocalDate.of(2021, 12, 15), Plan.of(2021, "局", "计划", LocalDate.of(2021, 12, 15)).dueOn);
    }

    @Test
    void aReportOnTheDueDateInShanghaiIsOnTimeAndOneAMinuteLaterIsLate() {
        Plan plan = plan();
        PlanTask task = task(plan);
        OffsetDateTime lastMinute = OffsetDateTime.parse("2021-11-30T23:59:59+08:00");
        // 16:00 UTC on the 30th is already 1 December in Shanghai.
        OffsetDateTime firstMinute = OffsetDateTime.parse("2021-11-30T16:00:00Z");
        assertFalse(CompletionReport.submit(plan, task, "市科技局", DONE, lastMinute).late);
        assertTrue(CompletionReport.submit(plan, task, "市科技局", DONE, firstMinute).late);
    }

    @Test
    void aRevisionAfterTheDueDateIsAcceptedAndMarksTheReportLateForGood() {
        Plan plan = plan();
        CompletionReport report = CompletionReport.submit(plan, task(plan), "市科技局",
                new Content(ReportStatus.IN_PROGRESS, null, null, null, null, null),
                OffsetDateTime.parse("2021-10-01T10:00:00+08:00"));
        assertFalse(report.late);
        report.revise(plan, DONE, OffsetDateTime.parse("2021-12-02T10:00:00+08:00"));
        assertTrue(report.late);
        assertEquals(ReportStatus.DONE, report.status);
        report.revise(plan, DONE, OffsetDateTime.parse("2021-12-03T10:00:00+08:00"));
        assertTrue(report.late);
        assertEquals(OffsetDateTime.parse("2021-10-01T10:00:00+08:00"), report.submittedAt);
    }
}
