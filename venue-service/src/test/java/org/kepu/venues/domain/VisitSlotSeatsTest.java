package org.kepu.venues.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.kepu.common.rules.DomainException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A visit slot's seats over any capacity and any run of classes booking and cancelling. */
class VisitSlotSeatsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 18, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    @Property(tries = 500, seed = "20261207")
    void aClassIsSeatedWholeExactlyWhenItFitsAndTheSlotIsNeverOverbooked(
            @ForAll @IntRange(min = 1, max = 200) int capacity,
            @ForAll @Size(max = 60) List<@IntRange(min = -60, max = 60) Integer> run) {
        VisitSlot slot = new VisitSlot();
        slot.capacity = capacity;
        slot.startsAt = NOW.plusDays(7);
        slot.endsAt = slot.startsAt.plusHours(2);
        List<Integer> seated = new ArrayList<>();
        for (int step : run) {
            if (step > 0) { // a class of this size books
                int left = slot.seatsLeft();
                if (step <= left) {
                    slot.seat(step, NOW);
                    seated.add(step);
                } else {
                    DomainException refused = assertThrows(DomainException.class, () -> slot.seat(step, NOW));
                    assertEquals("slot-full", refused.slug());
                }
            } else if (!seated.isEmpty()) { // a seated class cancels
                slot.release(seated.remove(Math.abs(step) % seated.size()));
            }
            int booked = seated.stream().mapToInt(Integer::intValue).sum();
            assertEquals(booked, slot.bookedSeats(), "booked seats");
            assertTrue(slot.bookedSeats() <= capacity, slot.bookedSeats() + " booked of " + capacity);
            assertEquals(capacity - booked, slot.seatsLeft());
        }
    }

    @Property(tries = 200, seed = "20261207")
    void aClosedOrBegunSlotSeatsNobody(@ForAll @IntRange(min = 1, max = 200) int capacity,
            @ForAll @IntRange(min = 1, max = 200) int size, @ForAll boolean closed) {
        VisitSlot slot = new VisitSlot();
        slot.capacity = capacity;
        slot.startsAt = closed ? NOW.plusDays(7) : NOW;
        slot.endsAt = slot.startsAt.plusHours(2);
        if (closed) {
            slot.close();
        }
        DomainException refused = assertThrows(DomainException.class, () -> slot.seat(size, NOW));
        assertEquals(closed ? "slot-closed" : "slot-past", refused.slug());
        assertEquals(0, slot.bookedSeats());
    }
}
