package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A responsible unit's report on one task of a plan: where it stands, what was done, the figures, and the Kepu events
 * that count towards it. The unit revises the same report; one made or revised after the plan's due date is accepted
 * and stays marked late.
 */
@Entity
@Table(name = "completion_report")
public class CompletionReport {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "task_number", nullable = false)
    public int taskNumber;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    public String narrative;

    @Column(name = "events_held")
    public Integer eventsHeld;

    public Integer participants;

    /** Free-form figures the task asks for (展品数, 培训人次 …), by name. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> figures;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_ids", nullable = false)
    public UUID[] eventIds;

    /** When the unit first reported. */
    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(nullable = false)
    public boolean late;

    @Version
    public long version;

    /** What a unit says in a report. */
    public record Content(ReportStatus status, String narrative, Integer eventsHeld, Integer participants,
            Map<String, String> figures, List<UUID> eventIds) {
    }

    /** A unit's first report on a task, made at {@code at}. */
    public static CompletionReport submit(Plan plan, PlanTask task, String unit, Content content, OffsetDateTime at) {
        CompletionReport report = new CompletionReport();
        report.id = UUID.randomUUID();
        report.planId = plan.id;
        report.taskNumber = task.number;
        report.unit = unit;
        report.submittedAt = at;
        report.revise(plan, content, at);
        return report;
    }

    /** The unit's revision at {@code at}; after the due date it is accepted and the report is marked late. */
    public void revise(Plan plan, Content content, OffsetDateTime at) {
        status = content.status();
        narrative = content.narrative();
        eventsHeld = content.eventsHeld();
        participants = content.participants();
        figures = content.figures() == null ? Map.of() : Map.copyOf(content.figures());
        eventIds = content.eventIds() == null ? new UUID[0] : content.eventIds().toArray(UUID[]::new);
        late = late || plan.isLate(at);
        updatedAt = at;
    }

    public boolean isDone() {
        return status == ReportStatus.DONE;
    }
}
