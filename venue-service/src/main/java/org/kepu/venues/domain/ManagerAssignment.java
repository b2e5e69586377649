package org.kepu.venues.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An admin's assignment of a venue manager (by token subject) to a venue. */
@Embeddable
public record ManagerAssignment(String subject, @Column(name = "assigned_at") OffsetDateTime assignedAt,
        @Column(name = "assigned_by") String assignedBy) {
}
