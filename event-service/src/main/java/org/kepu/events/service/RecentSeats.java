package org.kepu.events.service;

import org.kepu.events.domain.SeatsChanged;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.kepu.events.domain.EventSeats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The seats left of events without a wait list, as this replica last read them, for one second. When registration
 * opens, most attempts after the first minute meet a full event; those are refused from memory, before any
 * transaction, instead of each reading the database to learn the same thing. Only refusals come from here: whoever
 * might fit goes the whole way, under the event's lock. This replica's own seat changes forget the event at once; a
 * seat freed on another replica is offered here at most a second later.
 */
@ApplicationScoped
public class RecentSeats {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Cache<UUID, Integer> seatsLeft = Caffeine.newBuilder().expireAfterWrite(FRESH).maximumSize(10_000)
            .build();

    /** Refuses (409 event-full) a registration of this size that did not fit a moment ago. */
    public void refuseIfKnownFull(UUID eventId, int size) {
        Integer left = seatsLeft.getIfPresent(eventId);
        if (left != null && size > left) {
            throw EventSeats.full(left, size);
        }
    }

    /** Whether this replica read the event within the last second with no seat left: every registration is refused. */
    public boolean soldOut(UUID eventId) {
        Integer left = seatsLeft.getIfPresent(eventId);
        return left != null && left == 0;
    }

    /** Remembers what was just read of an event open for registration without a wait list. */
    void remember(EventSeats seats) {
        if (seats.takesRegistrations && !seats.keepsWaitList && seats.capacity != null) {
            seatsLeft.put(seats.id, seats.seatsLeft());
        }
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SeatsChanged change) {
        seatsLeft.invalidate(change.eventId());
    }
}
