package org.kepu.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.kepu.common.rules.DomainException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The seat arithmetic of one event's registration desk, over any capacity, size cap, wait-list setting and sequence of
 * registrations, cancellations, resizes and promotions.
 */
class EventSeatsTest {

    /** One step of a registration rush: a new registration, or a cancellation or resize of the n-th one made. */
    record Step(String kind, int size, int which) {
    }

    @Provide
    Arbitrary<List<Step>> rushes() {
        Arbitrary<Step> register = Arbitraries.integers().between(1, 25).map(size -> new Step("register", size, 0));
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 1_000).map(n -> new Step("cancel", 0, n));
        Arbitrary<Step> resize = Arbitraries.integers().between(1, 25)
                .flatMap(size -> Arbitraries.integers().between(0, 1_000).map(n -> new Step("resize", size, n)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, register), net.jqwik.api.Tuple.of(2, cancel),
                net.jqwik.api.Tuple.of(2, resize)).list().ofMaxSize(60);
    }

    @Property(tries = 500, seed = "20261207")
    void confirmedSeatsNeverExceedTheCapacityAndTheCountsMatchTheRegistrations(
            @ForAll @IntRange(min = 1, max = 60) int capacity, @ForAll @IntRange(min = 0, max = 30) int cap,
            @ForAll boolean keepsWaitList, @ForAll("rushes") List<Step> rush) {
        EventSeats seats = desk(capacity, cap == 0 ? null : cap, keepsWaitList);
        List<Registration> made = new ArrayList<>();
        for (Step step : rush) {
            try {
                switch (step.kind()) {
                    case "register" -> {
                        seats.requireAllowedSize(step.size());
                        Registration registration = registration(step.size());
                        seats.admit(registration);
                        made.add(registration);
                    }
                    case "cancel" -> {
                        if (!made.isEmpty()) {
                            Registration registration = made.get(step.which() % made.size());
                            if (registration.isLive()) {
                                boolean heldSeats = registration.status == RegistrationStatus.CONFIRMED;
                                seats.release(registration);
                                registration.status = RegistrationStatus.CANCELLED;
                                if (heldSeats) {
                                    promoteFirstThatFits(seats, made);
                                }
                            }
                        }
                    }
                    default -> {
                        if (!made.isEmpty() && made.get(step.which() % made.size()).isLive()) {
                            int before = made.get(step.which() % made.size()).size;
                            seats.resize(made.get(step.which() % made.size()), step.size());
                            if (step.size() < before) {
                                promoteFirstThatFits(seats, made);
                            }
                        }
                    }
                }
            } catch (DomainException refused) {
                // a refusal changes nothing: the counts are checked below all the same
            }
            assertTrue(seats.confirmedSeats <= capacity, "confirmed " + seats.confirmedSeats + " of " + capacity);
            assertEquals(sum(made, RegistrationStatus.CONFIRMED), seats.confirmedSeats, "confirmed seats");
            assertEquals(sum(made, RegistrationStatus.WAIT_LISTED), seats.waitListedSeats, "wait-listed seats");
            assertEquals(made.stream().filter(r -> r.status == RegistrationStatus.WAIT_LISTED).count(),
                    seats.waitListLength, "wait-list length");
            assertEquals(capacity - seats.confirmedSeats, seats.seatsLeft(), "seats left");
            assertTrue(keepsWaitList || seats.waitListLength == 0, "no wait list is kept");
        }
    }

    @Property(tries = 500, seed = "20261207")
    void aGroupLargerThanTheSizeCapOrTheCapacityIsRefusedNamingSize(@ForAll @IntRange(min = 1, max = 200) int capacity,
            @ForAll @IntRange(min = 0, max = 50) int cap, @ForAll @IntRange(min = 1, max = 300) int size) {
        EventSeats seats = desk(capacity, cap == 0 ? null : cap, true);
        boolean tooLarge = size > capacity || cap > 0 && size > cap;
        if (tooLarge) {
            DomainException refused = assertThrows(DomainException.class, () -> seats.requireAllowedSize(size));
            assertEquals(DomainException.Kind.INVALID, refused.kind());
            assertEquals("size", refused.fields().get(0).field());
        } else {
            seats.requireAllowedSize(size);
        }
    }

    @Property(tries = 500, seed = "20261207")
    void aRegistrationIsConfirmedWholeWhenItFitsAndOtherwiseWaitsWholeOrIsRefused(
            @ForAll @IntRange(min = 1, max = 100) int capacity, @ForAll @IntRange(min = 0, max = 100) int confirmed,
            @ForAll @IntRange(min = 1, max = 100) int size, @ForAll boolean keepsWaitList) {
        EventSeats seats = desk(capacity, null, keepsWaitList);
        seats.confirmedSeats = Math.min(confirmed, capacity);
        int left = seats.seatsLeft();
        Registration registration = registration(size);
        if (size <= left) {
            seats.admit(registration);
            assertEquals(RegistrationStatus.CONFIRMED, registration.status);
            assertEquals(capacity - left + size, seats.confirmedSeats);
        } else if (keepsWaitList) {
            seats.admit(registration);
            assertEquals(RegistrationStatus.WAIT_LISTED, registration.status);
            assertEquals(capacity - left, seats.confirmedSeats, "a group is never split");
            assertEquals(size, seats.waitListedSeats);
        } else {
            DomainException refused = assertThrows(DomainException.class, () -> seats.admit(registration));
            assertEquals("event-full", refused.slug());
            assertEquals(capacity - left, seats.confirmedSeats);
            assertEquals(0, seats.waitListLength);
        }
    }

    @Property(tries = 500, seed = "20261207")
    void aWaitingRegistrationIsPromotedWholeExactlyWhenItFits(@ForAll @IntRange(min = 1, max = 100) int capacity,
            @ForAll @IntRange(min = 0, max = 100) int confirmed, @ForAll @IntRange(min = 1, max = 100) int size) {
        EventSeats seats = desk(capacity, null, true);
        seats.confirmedSeats = Math.min(confirmed, capacity);
        Registration waiting = registration(size);
        waiting.status = RegistrationStatus.WAIT_LISTED;
        seats.waitListLength = 1;
        seats.waitListedSeats = size;
        int left = seats.seatsLeft();
        boolean promoted = seats.promote(waiting);
        assertEquals(size <= left, promoted, size + " waiting, " + left + " left");
        assertEquals(promoted ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAIT_LISTED, waiting.status);
        assertEquals(capacity - left + (promoted ? size : 0), seats.confirmedSeats);
        assertEquals(promoted ? 0 : 1, seats.waitListLength);
        assertEquals(promoted ? 0 : size, seats.waitListedSeats);
    }

    /**
     * Promotes as RegistrationService does after seats free up ({@link EventSeats#promoteFirstThatFit}, over the wait
     * list in arrival order); afterwards nobody waiting fits, and each one seated was heard of once.
     */
    private static void promoteFirstThatFits(EventSeats seats, List<Registration> inArrivalOrder) {
        List<Registration> waiting = inArrivalOrder.stream().filter(r -> r.status == RegistrationStatus.WAIT_LISTED)
                .toList();
        List<Registration> heard = new ArrayList<>();
        seats.promoteFirstThatFit(waiting, heard::add);
        assertEquals(waiting.stream().filter(r -> r.status == RegistrationStatus.CONFIRMED).toList(), heard);
        for (Registration still : inArrivalOrder) {
            assertTrue(still.status != RegistrationStatus.WAIT_LISTED || still.size > seats.seatsLeft(),
                    "a waiting registration of " + still.size + " fits the " + seats.seatsLeft() + " seats left");
        }
    }

    private static EventSeats desk(int capacity, Integer sizeCap, boolean keepsWaitList) {
        EventSeats seats = new EventSeats();
        seats.status = EventStatus.PUBLISHED;
        seats.takesRegistrations = true;
        seats.capacity = capacity;
        seats.sizeCap = sizeCap;
        seats.keepsWaitList = keepsWaitList;
        return seats;
    }

    private static Registration registration(int size) {
        Registration registration = new Registration();
        registration.size = size;
        return registration;
    }

    private static int sum(List<Registration> registrations, RegistrationStatus status) {
        return registrations.stream().filter(r -> r.status == status).mapToInt(r -> r.size).sum();
    }
}
