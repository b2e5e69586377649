package org.kepu.venues.repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.paging.Page;
import org.kepu.venues.domain.BookingStatus;
import org.kepu.venues.domain.VisitBooking;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Finds visit bookings. */
@ApplicationScoped
public class VisitBookingRepository implements PanacheRepositoryBase<VisitBooking, UUID> {

    /**
     * A venue's bookings, newest first; null filters match all.
     *
     * @param from with {@code to}: bookings of slots starting in this period
     */
    public Page<VisitBooking> ofVenue(UUID venueId, BookingStatus status, UUID slotId, OffsetDateTime from,
            OffsetDateTime to, int page, int size) {
        PanacheQuery<VisitBooking> query = query(venueId, status, slotId, from, to);
        return Page.of(query.page(page, size).list(), query.count(), page, size);
    }

    /** All of them, for an export. */
    public List<VisitBooking> allOfVenue(UUID venueId, BookingStatus status, UUID slotId, OffsetDateTime from,
            OffsetDateTime to) {
        return query(venueId, status, slotId, from, to).list();
    }

    /** Every booking of a slot, in arrival order. */
    public List<VisitBooking> ofSlot(UUID slotId) {
        return list("slotId", Sort.by("createdAt").and("id"), slotId);
    }

    private PanacheQuery<VisitBooking> query(UUID venueId, BookingStatus status, UUID slotId, OffsetDateTime from,
            OffsetDateTime to) {
        StringBuilder where = new StringBuilder("venueId = :venue");
        Map<String, Object> params = new HashMap<>();
        params.put("venue", venueId);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (slotId != null) {
            where.append(" and slotId = :slot");
            params.put("slot", slotId);
        }
        if (from != null) {
            where.append(" and slotId in (select s.id from VisitSlot s where s.startsAt >= :from)");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and slotId in (select s.id from VisitSlot s where s.startsAt <= :to)");
            params.put("to", to);
        }
        return find(where.toString(), Sort.by("createdAt", Sort.Direction.Descending).and("id"), params);
    }
}
