package org.kepu.reporting.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.kepu.common.persistence.VersionedEntity;
import org.kepu.common.divisions.ProvinceTime;

/**
 * An annual plan (工作计划, 工作要点): who issued it, for which year, and when its units' completion reports are due. Its
 * numbered tasks are {@link PlanTask}s. It decides whether a report made at a given moment is late.
 */
@Entity
@Table(name = "plan")
public class Plan extends VersionedEntity {

    /** Plans count days in China's time: a report on the due date is on time until midnight there. */
    public static final ZoneId SHANGHAI = ProvinceTime.ZONE;

    @Column(nullable = false)
    public int year;

    @Column(name = "issuing_body", nullable = false)
    public String issuingBody;

    @Column(nullable = false)
    public String title;

    /** The last day reports are on time (by default 30 November of the plan's year, as the seeds ask). */
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** The default due date: 30 November of the plan's year. */
    public static LocalDate defaultDueOn(int year) {
        return LocalDate.of(year, 11, 30);
    }

    public static Plan of(int year, String issuingBody, String title, LocalDate dueOn) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.madeAt(OffsetDateTime.now(ZoneOffset.UTC));
        plan.describe(year, issuingBody, title, dueOn);
        return plan;
    }

    public void describe(int year, String issuingBody, String title, LocalDate dueOn) {
        this.year = year;
        this.issuingBody = issuingBody;
        this.title = title;
        this.dueOn = dueOn == null ? defaultDueOn(year) : dueOn;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Whether a report made at {@code at} comes after the due date has passed (in Shanghai). */
    public boolean isLate(OffsetDateTime at) {
        return at.atZoneSameInstant(SHANGHAI).toLocalDate().isAfter(dueOn);
    }

    /** Whether, on {@code day}, the due date has passed. */
    public boolean isPastDue(LocalDate day) {
        return day.isAfter(dueOn);
    }
}
