package org.kepu.venues.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.kepu.common.persistence.VersionedEntity;

import org.kepu.common.rules.DomainException;

/**
 * A group's visit (a school class) in one slot. Its leader's contact is seen only by the booker (through the manage
 * token), the venue's managers and admins; it never leaves the service in facts, logs or reports.
 */
@Entity
@Table(name = "visit_booking")
public class VisitBooking extends VersionedEntity {

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    @Column(nullable = false)
    public int size;

    @Column(nullable = false)
    public String school;

    public String grade;

    @Column(name = "leader_name", nullable = false)
    public String leaderName;

    /** 11 digits (common.privacy.Phones), masked in every list. */
    @Column(name = "leader_phone", nullable = false)
    public String leaderPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    BookingStatus status;

    @Column(name = "reject_reason")
    String rejectReason;

    /** How many came, as the venue recorded it. */
    Integer attended;

    @Column(name = "manage_token_hash", nullable = false)
    String manageTokenHash;

    /** A confirmed booking of seats {@link VisitSlot#seat} has just taken. */
    public static VisitBooking confirmed(VisitSlot slot, int size, String school, String grade, String leaderName,
            String leaderPhone, String manageTokenHash) {
        VisitBooking booking = new VisitBooking();
        booking.id = UUID.randomUUID();
        booking.slotId = slot.id;
        booking.venueId = slot.venueId;
        booking.size = size;
        booking.school = school;
        booking.grade = grade;
        booking.leaderName = leaderName;
        booking.leaderPhone = leaderPhone;
        booking.status = BookingStatus.CONFIRMED;
        booking.manageTokenHash = manageTokenHash;
        booking.madeAt(OffsetDateTime.now(ZoneOffset.UTC));
        return booking;
    }

    public BookingStatus status() {
        return status;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public Integer attended() {
        return attended;
    }

    public String manageTokenHash() {
        return manageTokenHash;
    }

    /** The booker withdraws; the seats go back to the slot. 409 unless confirmed. */
    public void cancel(VisitSlot slot) {
        requireConfirmed("cancel");
        status = BookingStatus.CANCELLED;
        slot.release(size);
        touch();
    }

    /** The venue turns the group away, saying why; the seats go back to the slot. 409 unless confirmed. */
    public void reject(String reason, VisitSlot slot) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "is required: the school reads it");
        }
        requireConfirmed("reject");
        status = BookingStatus.REJECTED;
        rejectReason = reason.strip();
        slot.release(size);
        touch();
    }

    /**
     * Records how many came, once the slot has begun (409 before); may be corrected later. More than were booked is a
     * 400: a bigger group books again.
     */
    public void markAttended(int came, VisitSlot slot, OffsetDateTime now) {
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.ATTENDED) {
            throw DomainException.conflict("booking-not-confirmed", "Booking not confirmed",
                    "This booking is " + status + "; only a confirmed group can have come");
        }
        if (slot.startsAt.isAfter(now)) {
            throw DomainException.conflict("slot-not-begun", "Slot not begun",
                    "The visit has not begun yet; record who came after it starts");
        }
        if (came < 0 || came > size) {
            throw DomainException.invalid("attended", "must be between 0 and the booked " + size);
        }
        status = BookingStatus.ATTENDED;
        attended = came;
        touch();
    }

    private void requireConfirmed(String move) {
        if (status != BookingStatus.CONFIRMED) {
            throw DomainException.conflict("booking-not-confirmed", "Booking not confirmed",
                    "Cannot " + move + " a booking that is " + status);
        }
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
