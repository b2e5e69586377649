package org.kepu.reporting.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.reporting.domain.CompletionReport;
import org.kepu.reporting.domain.Plan;
import org.kepu.reporting.domain.PlanTask;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Plans, their tasks and their completion reports. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    public List<Plan> ofYear(Integer year) {
        return year == null ? list("ORDER BY year DESC, title") : list("year = ?1 ORDER BY title", year);
    }

    public List<PlanTask> tasks(UUID planId) {
        return getEntityManager().createQuery("FROM PlanTask WHERE planId = ?1 ORDER BY number", PlanTask.class)
                .setParameter(1, planId).getResultList();
    }

    public void persistTask(PlanTask task) {
        getEntityManager().persist(task);
    }

    public void removeTask(PlanTask task) {
        getEntityManager().remove(task);
    }

    public List<CompletionReport> reports(UUID planId) {
        return getEntityManager()
                .createQuery("FROM CompletionReport WHERE planId = ?1 ORDER BY taskNumber, unit", CompletionReport.class)
                .setParameter(1, planId).getResultList();
    }

    public Optional<CompletionReport> report(UUID planId, int taskNumber, String unit) {
        return getEntityManager().createQuery(
                "FROM CompletionReport WHERE planId = ?1 AND taskNumber = ?2 AND unit = ?3", CompletionReport.class)
                .setParameter(1, planId).setParameter(2, taskNumber).setParameter(3, unit).getResultStream()
                .findFirst();
    }

    public void persistReport(CompletionReport report) {
        getEntityManager().persist(report);
    }

    /** A task with its plan. */
    public record Assignment(Plan plan, PlanTask task) {
    }

    /** The tasks naming {@code unit}, in every plan (or one year's), newest plan first. */
    public List<Assignment> tasksOf(String unit, Integer year) {
        @SuppressWarnings("unchecked")
        List<PlanTask> tasks = getEntityManager().createNativeQuery("SELECT t.* FROM plan_task t JOIN plan p"
                + " ON p.id = t.plan_id WHERE t.units @> ARRAY[CAST(:unit AS text)]"
                + " AND (CAST(:year AS integer) IS NULL OR p.year = CAST(:year AS integer))"
                + " ORDER BY p.year DESC, p.title, t.number", PlanTask.class).setParameter("unit", unit)
                .setParameter("year", year).getResultList();
        // Each plan is loaded once: the session keeps it for the tasks that follow.
        return tasks.stream().map(task -> new Assignment(findById(task.planId), task)).toList();
    }

    /** The reports of {@code unit}, in every plan. */
    public List<CompletionReport> reportsOf(String unit) {
        return getEntityManager().createQuery("FROM CompletionReport WHERE unit = ?1", CompletionReport.class)
                .setParameter(1, unit).getResultList();
    }
}
