package org.kepu.reporting.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.rules.DomainException;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.reporting.domain.CompletionReport;
import org.kepu.reporting.domain.Plan;
import org.kepu.reporting.domain.PlanProgress;
import org.kepu.reporting.domain.PlanProgress.Owed;
import org.kepu.reporting.domain.PlanTask;
import org.kepu.reporting.domain.ReportTable;
import org.kepu.reporting.messaging.PlanFacts;
import org.kepu.reporting.repository.EventSummaryRepository;
import org.kepu.reporting.repository.PlanRepository;

/**
 * Annual plans and their units' completion reports; each public method is one transaction. A unit (an organizer's
 * organization) reads and writes only its own reports; admins edit plans; admins and analysts read everything.
 */
@ApplicationScoped
public class PlanService {

    /** A plan with its tasks in number order. */
    public record PlanWithTasks(Plan plan, List<PlanTask> tasks) {
    }

    /** A report, and whether this request created it. */
    public record Submitted(CompletionReport report, boolean created) {
    }

    /** A task on a unit's to-do list: the plan, the task, and the report so far (null when none). */
    public record ToDo(Plan plan, PlanTask task, CompletionReport report, boolean overdue) {
    }

    private final PlanRepository plans;
    private final EventSummaryRepository events;
    private final PlanFacts facts;
    private final Clock clock;

    public PlanService(PlanRepository plans, EventSummaryRepository events, PlanFacts facts, Clock clock) {
        this.plans = plans;
        this.events = events;
        this.facts = facts;
        this.clock = clock;
    }

    @Transactional
    public PlanWithTasks create(PlanRequest request) {
        Plan plan = Plan.of(request.year(), request.issuingBody().strip(), request.title().strip(), request.dueOn());
        plans.persist(plan);
        plans.flush();
        return new PlanWithTasks(plan, replaceTasks(plan, request, List.of()));
    }

    /** Replaces the plan's text and tasks (by number); 409 when a task that has reports would disappear. */
    @Transactional
    public PlanWithTasks update(UUID id, ExpectedVersion expected, PlanRequest request) {
        Plan plan = plan(id);
        expected.requireMatches(plan.version, "Plan " + id);
        plan.describe(request.year(), request.issuingBody().strip(), request.title().strip(), request.dueOn());
        return new PlanWithTasks(plan, replaceTasks(plan, request, plans.tasks(id)));
    }

    @Transactional
    public PlanWithTasks find(UUID id) {
        return new PlanWithTasks(plan(id), plans.tasks(id));
    }

    @Transactional
    public List<Plan> list(Integer year) {
        return plans.ofYear(year);
    }

    /**
     * A unit's report on a task: created, or revised ({@code expected} checked then; the web layer refuses a revision
     * without If-Match there). 403 unless the caller is an organizer
     * of that unit and the task names it; 400 naming {@code eventIds[i]} for an event Kepu does not know.
     */
    @Transactional
    public Submitted submit(UUID planId, int taskNumber, String unit, ExpectedVersion expected, ReportRequest request,
            Caller caller) {
        requireUnit(unit, caller);
        Plan plan = plan(planId);
        PlanTask task = task(planId, taskNumber);
        if (!task.isResponsible(unit)) {
            throw DomainException.notPermitted("Task " + taskNumber + " of plan " + planId + " does not name " + unit);
        }
        requireKnownEvents(request);
        // To the microsecond PostgreSQL keeps: the fact, written from the entity, must carry the time the API shows.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        CompletionReport report = plans.report(planId, taskNumber, unit).orElse(null);
        if (report == null) {
            report = CompletionReport.submit(plan, task, unit, request.content(), now);
            plans.persistReport(report);
            plans.flush();
            facts.report(PlanFacts.REPORT_SUBMITTED, plan, report);
            return new Submitted(report, true);
        }
        expected.requireMatches(report.version, "The report of " + unit + " on task " + taskNumber);
        report.revise(plan, request.content(), now);
        plans.flush();
        facts.report(PlanFacts.REPORT_REVISED, plan, report);
        return new Submitted(report, false);
    }

    /** One unit's report on a task: the unit itself, admins and analysts read it; 404 when none was made. */
    @Transactional
    public CompletionReport report(UUID planId, int taskNumber, String unit, Caller caller) {
        if (!readsAll(caller)) {
            requireUnit(unit, caller);
        }
        plan(planId);
        return plans.report(planId, taskNumber, unit)
                .orElseThrow(() -> DomainException.notFound("Report of " + unit + " on task", taskNumber));
    }

    @Transactional
    public List<CompletionReport> reports(UUID planId) {
        plan(planId);
        return plans.reports(planId);
    }

    @Transactional
    public PlanProgress progress(UUID planId) {
        return PlanProgress.of(plan(planId), plans.tasks(planId), plans.reports(planId));
    }

    @Transactional
    public ReportTable progressTable(UUID planId) {
        return PlanProgress.table(plan(planId), plans.tasks(planId), plans.reports(planId));
    }

    /** The reports owed on {@code day} (today in Shanghai when null). */
    @Transactional
    public List<Owed> overdue(UUID planId, LocalDate day) {
        LocalDate on = day == null ? LocalDate.now(clock.withZone(Plan.SHANGHAI)) : day;
        return PlanProgress.overdue(plan(planId), plans.tasks(planId), plans.reports(planId), on);
    }

    /** The caller's unit's open tasks: not reported yet, or reported as not started or in progress. */
    @Transactional
    public List<ToDo> toDo(Caller caller, Integer year) {
        String unit = caller.organization()
                .orElseThrow(() -> DomainException.notPermitted("A to-do list belongs to an organizer's unit"));
        Map<String, CompletionReport> reports = new HashMap<>();
        plans.reportsOf(unit).forEach(report -> reports.put(report.planId + "/" + report.taskNumber, report));
        LocalDate today = LocalDate.now(clock.withZone(Plan.SHANGHAI));
        return plans.tasksOf(unit, year).stream().map(assignment -> {
            CompletionReport report = reports.get(assignment.plan().id + "/" + assignment.task().number);
            return new ToDo(assignment.plan(), assignment.task(), report,
                    report == null && assignment.plan().isPastDue(today));
        }).filter(todo -> todo.report() == null || todo.report().status.isOpen()).toList();
    }

    private List<PlanTask> replaceTasks(Plan plan, PlanRequest request, List<PlanTask> existing) {
        Map<Integer, PlanTask> byNumber = new HashMap<>();
        existing.forEach(task -> byNumber.put(task.number, task));
        Set<Integer> seen = new HashSet<>();
        for (int s = 0; s < request.sections().size(); s++) {
            PlanRequest.Section section = request.sections().get(s);
            for (int t = 0; t < section.tasks().size(); t++) {
                PlanRequest.Task item = section.tasks().get(t);
                String field = "sections[" + s + "].tasks[" + t + "]";
                if (!seen.add(item.number())) {
                    throw DomainException.invalid(field + ".number", "repeats task " + item.number());
                }
                PlanTask task = byNumber.get(item.number());
                if (task == null) {
                    task = PlanTask.of(plan.id, item.number());
                    byNumber.put(item.number(), task);
                    task.describe(section.number(), section.title().strip(), item.title().strip(), item.text().strip(),
                            item.units().stream().map(String::strip).distinct().toList(), item.leadUnit(), field);
                    plans.persistTask(task);
                } else {
                    task.describe(section.number(), section.title().strip(), item.title().strip(), item.text().strip(),
                            item.units().stream().map(String::strip).distinct().toList(), item.leadUnit(), field);
                }
            }
        }
        Set<Integer> reported = new HashSet<>();
        plans.reports(plan.id).forEach(report -> reported.add(report.taskNumber));
        for (PlanTask task : existing) {
            if (!seen.contains(task.number)) {
                if (reported.contains(task.number)) {
                    throw DomainException.conflict("task-has-reports", "Task has reports",
                            "Task " + task.number + " has completion reports and cannot be removed from the plan");
                }
                plans.removeTask(task);
                byNumber.remove(task.number);
            }
        }
        plans.flush();
        return byNumber.values().stream().sorted(java.util.Comparator.comparingInt(t -> t.number)).toList();
    }

    private void requireKnownEvents(ReportRequest request) {
        if (request.eventIds() == null) {
            return;
        }
        Set<UUID> known = events.existing(request.eventIds());
        for (int i = 0; i < request.eventIds().size(); i++) {
            if (!known.contains(request.eventIds().get(i))) {
                throw DomainException.invalid("eventIds[" + i + "]", "is not an event Kepu knows");
            }
        }
    }

    private static void requireUnit(String unit, Caller caller) {
        if (!caller.hasRole(Roles.ORGANIZER) || !caller.organization().map(unit::equals).orElse(false)) {
            throw DomainException.notPermitted("Only " + unit + "'s own organizers read and write its reports");
        }
    }

    private static boolean readsAll(Caller caller) {
        return caller.isAdmin() || caller.hasRole(Roles.ANALYST);
    }

    private Plan plan(UUID id) {
        return plans.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Plan", id));
    }

    private PlanTask task(UUID planId, int number) {
        return plans.tasks(planId).stream().filter(task -> task.number == number).findFirst()
                .orElseThrow(() -> DomainException.notFound("Task", number));
    }
}
