package org.kepu.reporting.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a plan's units have reported: by task (how many of its units reported, how many are done) and by unit (what
 * it still owes). Computed from the plan's tasks and reports.
 */
public record PlanProgress(PlanSummary plan, int units, int reportsExpected, int reportsIn, int done, int late,
        List<TaskProgress> byTask, List<UnitProgress> byUnit) {

    /** The plan a progress or to-do entry is about. */
    public record PlanSummary(java.util.UUID id, int year, String title, LocalDate dueOn) {
        public static PlanSummary of(Plan plan) {
            return new PlanSummary(plan.id, plan.year, plan.title, plan.dueOn);
        }
    }

    /** One task: its units, and how many reported, are done, and reported late. */
    public record TaskProgress(int number, String title, List<String> units, int reported, int done, int late) {
    }

    /** One unit: the tasks naming it, what it reported, and the task numbers it still owes a report on. */
    public record UnitProgress(String unit, int tasks, int reported, int done, List<Integer> owes) {
    }

    /** A report a unit owes on a day after the due date. */
    public record Owed(int taskNumber, String taskTitle, String unit) {
    }

    public static PlanProgress of(Plan plan, List<PlanTask> tasks, List<CompletionReport> reports) {
        Map<String, CompletionReport> byKey = index(reports);
        List<TaskProgress> byTask = new ArrayList<>();
        Map<String, List<PlanTask>> tasksOfUnit = new LinkedHashMap<>();
        int expected = 0;
        for (PlanTask task : tasks) {
            int reported = 0;
            int done = 0;
            int late = 0;
            for (String unit : task.units()) {
                tasksOfUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(task);
                CompletionReport report = byKey.get(key(task.number, unit));
                expected++;
                if (report != null) {
                    reported++;
                    done += report.isDone() ? 1 : 0;
                    late += report.late ? 1 : 0;
                }
            }
            byTask.add(new TaskProgress(task.number, task.title, task.units(), reported, done, late));
        }
        List<UnitProgress> byUnit = new ArrayList<>();
        tasksOfUnit.forEach((unit, itsTasks) -> {
            List<Integer> owes = new ArrayList<>();
            int reported = 0;
            int done = 0;
            for (PlanTask task : itsTasks) {
                CompletionReport report = byKey.get(key(task.number, unit));
                if (report == null) {
                    owes.add(task.number);
                } else {
                    reported++;
                    done += report.isDone() ? 1 : 0;
                }
            }
            byUnit.add(new UnitProgress(unit, itsTasks.size(), reported, done, owes));
        });
        return new PlanProgress(PlanSummary.of(plan), tasksOfUnit.size(), expected, reports.size(),
                (int) reports.stream().filter(CompletionReport::isDone).count(),
                (int) reports.stream().filter(r -> r.late).count(), byTask, byUnit);
    }

    /**
     * The reports owed on {@code day}: none before the due date has passed; after it, every task and unit with no
     * report made by the end of that day (in Shanghai).
     */
    public static List<Owed> overdue(Plan plan, List<PlanTask> tasks, List<CompletionReport> reports,
            LocalDate day) {
        if (!plan.isPastDue(day)) {
            return List.of();
        }
        OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay(Plan.SHANGHAI).toOffsetDateTime();
        Map<String, CompletionReport> byKey = index(reports);
        List<Owed> owed = new ArrayList<>();
        for (PlanTask task : tasks) {
            for (String unit : task.units()) {
                CompletionReport report = byKey.get(key(task.number, unit));
                if (report == null || !report.submittedAt.isBefore(endOfDay)) {
                    owed.add(new Owed(task.number, task.title, unit));
                }
            }
        }
        return owed;
    }

    /** One row per task and unit, as officials open the progress table in a spreadsheet. */
    public static ReportTable table(Plan plan, List<PlanTask> tasks, List<CompletionReport> reports) {
        Map<String, CompletionReport> byKey = index(reports);
        ReportTable table = ReportTable.named("完成情况 " + plan.year, "任务编号", "任务", "责任单位", "牵头", "状态", "报送时间",
                "是否逾期", "活动场次", "参与人次");
        for (PlanTask task : tasks) {
            for (String unit : task.units()) {
                CompletionReport report = byKey.get(key(task.number, unit));
                table.row(task.number, task.title, unit, unit.equals(task.leadUnit),
                        report == null ? "未报送" : report.status.labelZh(), report == null ? null : report.updatedAt,
                        report != null && report.late, report == null ? null : report.eventsHeld,
                        report == null ? null : report.participants);
            }
        }
        return table;
    }

    private static Map<String, CompletionReport> index(List<CompletionReport> reports) {
        Map<String, CompletionReport> byKey = new HashMap<>();
        reports.forEach(report -> byKey.put(key(report.taskNumber, report.unit), report));
        return byKey;
    }

    private static String key(int task, String unit) {
        return task + "\u0000" + unit;
    }
}
