package org.kepu.venues.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kepu.common.rules.DomainException;
import org.kepu.common.vocabulary.Audience;

/**
 * A time a venue receives a group, with the seats it offers. Its seat count lives on its own row, and every booking
 * change of the slot takes that row's lock first, so the count and the bookings never disagree and never exceed the
 * capacity.
 */
@Entity
@Table(name = "visit_slot")
public class VisitSlot {

    @Id
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "booked_seats", nullable = false)
    int bookedSeats;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SlotStatus status = SlotStatus.OPEN;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    /**
     * A new slot of the venue: in the future, and within one of the venue's openings that day (400 naming
     * {@code field} otherwise, with the day's openings). Overlap with the venue's other slots is the caller's check.
     */
    public static VisitSlot publish(Venue venue, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
            Audience audience, String notes, OffsetDateTime now, String field) {
        if (!endsAt.isAfter(startsAt)) {
            throw DomainException.invalid("closes", "must be after opens");
        }
        if (!startsAt.isAfter(now)) {
            throw DomainException.invalid(field, "starts in the past; publish slots that are still to come");
        }
        LocalDate day = startsAt.atZoneSameInstant(OpeningHours.ZONE).toLocalDate();
        var openings = venue.openingHours().intervals(day, day);
        boolean inside = openings.stream()
                .anyMatch(open -> !startsAt.isBefore(open.opens()) && !endsAt.isAfter(open.closes()));
        if (!inside) {
            String hours = openings.isEmpty()
                    ? "it is closed that day"
                    : "it opens " + venue.openingHours()
                            .rangesOn(day).stream()
                            .map(range -> TimeRange.format(range.opens()) + "–" + TimeRange.format(range.closes()))
                            .collect(Collectors.joining(", "));
            throw DomainException.invalid(field, "is outside the venue's opening hours on " + day + " (" + hours + ")");
        }
        VisitSlot slot = new VisitSlot();
        slot.id = UUID.randomUUID();
        slot.venueId = venue.id;
        slot.startsAt = startsAt;
        slot.endsAt = endsAt;
        slot.capacity = capacity;
        slot.audience = audience;
        slot.notes = notes;
        slot.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return slot;
    }

    public boolean overlaps(OffsetDateTime start, OffsetDateTime end) {
        return status == SlotStatus.OPEN && startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    public SlotStatus status() {
        return status;
    }

    public int bookedSeats() {
        return bookedSeats;
    }

    public int seatsLeft() {
        return capacity - bookedSeats;
    }

    /**
     * Seats a group of {@code size}, whole or not at all: 409 when the slot is closed, has begun, or has fewer seats
     * left (with how many, so the school can split the class).
     */
    public void seat(int size, OffsetDateTime now) {
        requireRoomFor(size, now);
        bookedSeats += size;
    }

    /** The refusals of {@link #seat}, without seating: a copy read without the lock may refuse, never accept. */
    public void requireRoomFor(int size, OffsetDateTime now) {
        if (status == SlotStatus.CLOSED) {
            throw DomainException.conflict("slot-closed", "Slot closed", "This slot no longer takes bookings");
        }
        if (!startsAt.isAfter(now)) {
            throw DomainException.conflict("slot-past", "Slot has begun", "This slot began at " + startsAt
                    .atZoneSameInstant(OpeningHours.ZONE).toOffsetDateTime() + "; choose a later one");
        }
        if (size > seatsLeft()) {
            throw DomainException.conflict("slot-full", "Slot full",
                    "A group of " + size + " does not fit: " + seatsLeft() + " seats are left");
        }
    }

    /** Frees the seats of a cancelled or rejected booking. */
    public void release(int size) {
        bookedSeats = Math.max(0, bookedSeats - size);
    }

    /** Takes no more bookings; those made stay. */
    public void close() {
        status = SlotStatus.CLOSED;
    }
}
