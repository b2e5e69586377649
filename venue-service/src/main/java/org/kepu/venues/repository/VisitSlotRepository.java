package org.kepu.venues.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.kepu.venues.domain.SlotStatus;
import org.kepu.venues.domain.VisitSlot;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Finds visit slots. */
@ApplicationScoped
public class VisitSlotRepository implements PanacheRepositoryBase<VisitSlot, UUID> {

    /** The slot, locked for this transaction: every seat decision of a slot queues here. */
    public Optional<VisitSlot> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The slot as committed now, read without a lock and detached: enough to refuse, never to accept. */
    public Optional<VisitSlot> peek(UUID id) {
        Optional<VisitSlot> slot = findByIdOptional(id);
        slot.ifPresent(getEntityManager()::detach);
        return slot;
    }

    /** The venue's open slots that overlap the period. */
    public List<VisitSlot> openOverlapping(UUID venueId, OffsetDateTime from, OffsetDateTime to) {
        return list("venueId = ?1 and status = ?2 and startsAt < ?3 and endsAt > ?4", venueId, SlotStatus.OPEN, to,
                from);
    }

    /** The venue's slots starting in the period, in time order. */
    public List<VisitSlot> between(UUID venueId, OffsetDateTime from, OffsetDateTime to) {
        return list("venueId = ?1 and startsAt >= ?2 and startsAt < ?3", Sort.by("startsAt"), venueId, from, to);
    }
}
