package org.kepu.reporting.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.reporting.domain.CompletionReport;
import org.kepu.reporting.domain.Plan;
import org.kepu.reporting.domain.PlanTask;
import org.kepu.reporting.service.PlanService.PlanWithTasks;
import org.kepu.reporting.service.PlanService.ToDo;

/** A plan as clients read it: its sections with their numbered tasks. */
@Schema(name = "Plan")
public record PlanView(UUID id, int year, String issuingBody, String title, LocalDate dueOn, List<Section> sections,
        OffsetDateTime updatedAt) {

    /** A section and its tasks. */
    @Schema(name = "PlanSectionView")
    public record Section(int number, String title, List<Task> tasks) {
    }

    /** A numbered task. */
    @Schema(name = "PlanTaskView")
    public record Task(int number, String title, String text, List<String> units, String leadUnit) {
        static Task of(PlanTask task) {
            return new Task(task.number, task.title, task.text, task.units(), task.leadUnit);
        }
    }

    /** A plan without its tasks, in lists. */
    @Schema(name = "PlanSummaryView")
    public record Summary(UUID id, int year, String issuingBody, String title, LocalDate dueOn) {
        static Summary of(Plan plan) {
            return new Summary(plan.id, plan.year, plan.issuingBody, plan.title, plan.dueOn);
        }
    }

    /** A unit's completion report on a task. */
    @Schema(name = "CompletionReport")
    public record Report(UUID id, UUID planId, int taskNumber, String unit, String status, String statusLabel,
            String narrative, Integer eventsHeld, Integer participants, Map<String, String> figures,
            List<UUID> eventIds, OffsetDateTime submittedAt, OffsetDateTime updatedAt, boolean late) {
        static Report of(CompletionReport report) {
            return new Report(report.id, report.planId, report.taskNumber, report.unit, report.status.name(),
                    report.status.labelZh(), report.narrative, report.eventsHeld, report.participants,
                    report.figures, List.of(report.eventIds), report.submittedAt, report.updatedAt, report.late);
        }
    }

    /**
     * A task on a unit's to-do list.
     *
     * @param status the report's status so far; null when the unit has not reported
     * @param overdue the due date has passed and the unit has not reported
     */
    @Schema(name = "PlanToDo")
    public record ToDoItem(UUID planId, String planTitle, int year, LocalDate dueOn, int taskNumber, String taskTitle,
            boolean lead, String status, boolean overdue) {
        static ToDoItem of(ToDo todo, String unit) {
            Plan plan = todo.plan();
            PlanTask task = todo.task();
            return new ToDoItem(plan.id, plan.title, plan.year, plan.dueOn, task.number, task.title,
                    unit.equals(task.leadUnit), todo.report() == null ? null : todo.report().status.name(),
                    todo.overdue());
        }
    }

    static PlanView of(PlanWithTasks plan) {
        Map<Integer, Section> sections = new LinkedHashMap<>();
        for (PlanTask task : plan.tasks()) {
            sections.computeIfAbsent(task.sectionNumber,
                    n -> new Section(n, task.sectionTitle, new ArrayList<>())).tasks().add(Task.of(task));
        }
        Plan p = plan.plan();
        return new PlanView(p.id, p.year, p.issuingBody, p.title, p.dueOn,
                sections.values().stream().sorted(java.util.Comparator.comparingInt(Section::number)).toList(),
                p.updatedAt);
    }
}
