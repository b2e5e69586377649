package org.kepu.events.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.kepu.common.rules.DomainException;

/**
 * An event's registration desk: its seat counts and the rules that decide who gets a seat. It maps the event's own
 * row, read with a row lock, so every seat decision of one event happens in order; the event's settings are read-only
 * here ({@link Event} owns them), the counts are written only here, apart from the event's version.
 *
 * <p>
 * Wait-list policy — <b>the first that fits</b>: freed seats go to the earliest waiting registration whose whole size
 * fits them; a group too large for the seats left keeps its place at the head and is promoted as soon as enough seats
 * free up, while smaller later registrations may take seats it cannot use. Seats never stay empty while someone who
 * fits is waiting, and a group is never split.
 */
@Entity
@Table(name = "event")
public class EventSeats {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public EventStatus status;

    @Column(name = "takes_registrations", insertable = false, updatable = false)
    public boolean takesRegistrations;

    @Column(insertable = false, updatable = false)
    public Integer capacity;

    @Column(name = "registration_size_cap", insertable = false, updatable = false)
    public Integer sizeCap;

    @Column(name = "keeps_wait_list", insertable = false, updatable = false)
    public boolean keepsWaitList;

    @Column(name = "registration_opens_at", insertable = false, updatable = false)
    public OffsetDateTime opensAt;

    @Column(name = "registration_closes_at", insertable = false, updatable = false)
    public OffsetDateTime closesAt;

    @Column(name = "confirmed_seats")
    public int confirmedSeats;

    @Column(name = "wait_listed_seats")
    public int waitListedSeats;

    @Column(name = "wait_list_length")
    public int waitListLength;

    @Column(name = "checked_in_people")
    public int checkedInPeople;

    /** Seats not yet confirmed to anyone. */
    public int seatsLeft() {
        return Math.max(0, capacity - confirmedSeats);
    }

    /** Refuses, with a 409 saying which, unless the event takes registrations right now. */
    public void requireOpen(OffsetDateTime now) {
        if (!takesRegistrations) {
            throw closed("registration-not-offered", "This event does not take registrations");
        }
        if (status == EventStatus.CANCELLED) {
            throw closed("event-cancelled", "This event is cancelled");
        }
        if (status != EventStatus.PUBLISHED) {
            throw closed("event-not-published", "This event is " + status + "; registrations need a published event");
        }
        if (opensAt != null && now.isBefore(opensAt)) {
            throw closed("registration-not-open-yet", "Registration opens at " + opensAt);
        }
        if (closesAt != null && !now.isBefore(closesAt)) {
            throw closed("registration-closed", "Registration closed at " + closesAt);
        }
    }

    /** A size this event accepts in one registration; 400 naming {@code size} otherwise. */
    public void requireAllowedSize(int size) {
        if (sizeCap != null && size > sizeCap) {
            throw DomainException.invalid("size", "must be at most " + sizeCap + " for this event");
        }
        if (size > capacity) {
            throw DomainException.invalid("size", "must be at most the event's capacity, " + capacity);
        }
    }

    /** Confirms the registration if its whole size fits, wait-lists it if the event keeps a list, else 409. */
    public void admit(Registration registration) {
        requireRoomFor(registration.size);
        if (registration.size <= seatsLeft()) {
            registration.status = RegistrationStatus.CONFIRMED;
            confirmedSeats += registration.size;
        } else {
            registration.status = RegistrationStatus.WAIT_LISTED;
            joinWaitList(registration.size);
        }
    }

    /** A 409 "event full", with the seats left, when this many do not fit and there is no wait list to join. */
    public void requireRoomFor(int size) {
        if (!keepsWaitList && size > seatsLeft()) {
            throw full(seatsLeft(), size);
        }
    }

    /** The 409 for a registration of {@code size} when only {@code seatsLeft} seats are left and nobody waits. */
    public static DomainException full(int seatsLeft, int size) {
        return DomainException.conflict("event-full", "Event full", "Only " + seatsLeft + " seat"
                + (seatsLeft == 1 ? "" : "s") + " left; a registration of " + size + " is never split");
    }

    /** Takes a waiting registration off the list into confirmed seats, when its whole size fits. */
    public boolean promote(Registration waiting) {
        if (waiting.status != RegistrationStatus.WAIT_LISTED || waiting.size > seatsLeft()) {
            return false;
        }
        leaveWaitList(waiting.size);
        confirmedSeats += waiting.size;
        waiting.status = RegistrationStatus.CONFIRMED;
        return true;
    }

    /**
     * Gives the free seats to the wait list, first that fits first: walks it in arrival order, seats each registration
     * whose whole group fits, and stops once no seat is left. {@code promoted} hears of each one as it is seated, with
     * these counts as they are right after it.
     */
    public void promoteFirstThatFit(List<Registration> waitListInArrivalOrder, Consumer<Registration> promoted) {
        for (Registration waiting : waitListInArrivalOrder) {
            if (seatsLeft() == 0) {
                return;
            }
            if (promote(waiting)) {
                waiting.touch();
                promoted.accept(waiting);
            }
        }
    }

    /** Gives back what a registration held, as it is cancelled. */
    public void release(Registration registration) {
        if (registration.status == RegistrationStatus.CONFIRMED) {
            confirmedSeats -= registration.size;
            if (registration.checkedInAt != null) {
                checkedInPeople -= registration.size;
            }
        } else if (registration.status == RegistrationStatus.WAIT_LISTED) {
            leaveWaitList(registration.size);
        }
    }

    /**
     * A live registration's new size: smaller always; larger only while a confirmed registration's extra people fit
     * (409 otherwise, the registration unchanged); a waiting one waits with its new size.
     */
    public void resize(Registration registration, int size) {
        requireAllowedSize(size);
        int more = size - registration.size;
        if (registration.status == RegistrationStatus.CONFIRMED) {
            if (more > seatsLeft()) {
                throw DomainException.conflict("event-full", "Event full", "Only " + seatsLeft()
                        + " more seat" + (seatsLeft() == 1 ? "" : "s") + " left; your registration keeps its size of "
                        + registration.size);
            }
            confirmedSeats += more;
            if (registration.checkedInAt != null) {
                checkedInPeople += more;
            }
        } else {
            waitListedSeats += more;
        }
        registration.size = size;
    }

    /** Counts a confirmed registration's people as present. */
    public void checkIn(Registration registration) {
        checkedInPeople += registration.size;
    }

    private void joinWaitList(int size) {
        waitListLength++;
        waitListedSeats += size;
    }

    private void leaveWaitList(int size) {
        waitListLength--;
        waitListedSeats -= size;
    }

    private static DomainException closed(String slug, String detail) {
        return DomainException.conflict(slug, "Registration not possible", detail);
    }
}
