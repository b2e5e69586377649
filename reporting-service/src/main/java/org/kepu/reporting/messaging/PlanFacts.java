package org.kepu.reporting.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

import org.kepu.common.outbox.Outbox;
import org.kepu.reporting.domain.CompletionReport;
import org.kepu.reporting.domain.Plan;
import org.kepu.reporting.domain.ReportStatus;

/** Writes completion-report facts to the outbox, in the transaction of the report they describe. */
@ApplicationScoped
public class PlanFacts {

    /** The topic of plan facts, keyed by plan id (one plan's reports stay in order). */
    public static final String TOPIC = "kepu.plans";
    public static final String REPORT_SUBMITTED = "kepu.plan-report.submitted";
    public static final String REPORT_REVISED = "kepu.plan-report.revised";

    /**
     * The payload of a report fact: where the unit stands on the task, with its figures and the events that count
     * towards it, without the narrative (long text that consumers such as notifications do not need; they read the
     * report by its id).
     */
    public record ReportFact(@NotNull UUID reportId, @NotNull UUID planId, int year, int taskNumber,
            @NotNull String unit, @NotNull ReportStatus status,
            boolean late, Integer eventsHeld, Integer participants, @NotNull Map<String, String> figures,
            @NotNull List<UUID> eventIds, @NotNull OffsetDateTime submittedAt, @NotNull OffsetDateTime updatedAt,
            long version) {
    }

    private final Outbox outbox;

    public PlanFacts(Outbox outbox) {
        this.outbox = outbox;
    }

    public void report(String type, Plan plan, CompletionReport report) {
        outbox.append(TOPIC, type, plan.id, new ReportFact(report.id, plan.id, plan.year, report.taskNumber,
                report.unit, report.status, report.late, report.eventsHeld, report.participants,
                report.figures, List.of(report.eventIds), report.submittedAt, report.updatedAt, report.version));
    }
}
