package org.kepu.reporting.domain;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kepu.common.rules.DomainException;

/**
 * One numbered task of a plan, in its section, with the units responsible for it as the plan names them (责任单位) and
 * the lead unit where the plan says 牵头.
 */
@Entity
@Table(name = "plan_task")
public class PlanTask {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int number;

    @Column(name = "section_number", nullable = false)
    public int sectionNumber;

    @Column(name = "section_title", nullable = false)
    public String sectionTitle;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String text;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] units;

    @Column(name = "lead_unit")
    public String leadUnit;

    public static PlanTask of(UUID planId, int number) {
        PlanTask task = new PlanTask();
        task.id = UUID.randomUUID();
        task.planId = planId;
        task.number = number;
        return task;
    }

    /**
     * Sets what the task says; 400 naming {@code field} (the task's place in the request) when the lead is not one of
     * the units.
     */
    public void describe(int sectionNumber, String sectionTitle, String title, String text, List<String> units,
            String leadUnit, String field) {
        if (leadUnit != null && !units.contains(leadUnit)) {
            throw DomainException.invalid(field + ".leadUnit", "must be one of the task's units");
        }
        this.sectionNumber = sectionNumber;
        this.sectionTitle = sectionTitle;
        this.title = title;
        this.text = text;
        this.units = units.toArray(String[]::new);
        this.leadUnit = leadUnit;
    }

    public List<String> units() {
        return List.of(units);
    }

    /** Whether {@code unit} is one the task names; only those report on it. */
    public boolean isResponsible(String unit) {
        return units().contains(unit);
    }
}
