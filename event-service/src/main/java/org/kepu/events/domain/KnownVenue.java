package org.kepu.events.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.kepu.common.rules.DomainException;

/**
 * A venue as event-service knows it from venue-service's facts: enough to accept an event there and to place it. The
 * venue itself is venue-service's; this copy is updated only by facts, never by a request.
 */
@Entity
@Table(name = "known_venue")
public class KnownVenue {

    /** venue-service's status of a venue that is gone for good; no new event may be held there. */
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;

    /** The version of the newest fact applied; older facts arriving late are ignored. */
    public long version;

    /** venue-service's status word; null from facts older than venue statuses, which means open. */
    public String status;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    public Double latitude;

    public Double longitude;

    /** An event may be held here unless the venue has closed for good; 400 naming {@code venueId} otherwise. */
    public void requireOpenForEvents() {
        if (CLOSED.equals(status)) {
            throw DomainException.invalid("venueId", "names a venue that has closed");
        }
    }
}
