package org.kepu.venues.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.outbox.Outbox;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.domain.VisitSlot;

/** Writes slot and booking facts to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class BookingFacts {

    /** The topic of slot and booking facts, keyed by venue id (one venue's facts stay in order). */
    public static final String TOPIC = "kepu.bookings";
    public static final String SLOT_PUBLISHED = "kepu.visit-slot.published";
    public static final String SLOT_CLOSED = "kepu.visit-slot.closed";
    public static final String CONFIRMED = "kepu.booking.confirmed";
    public static final String CANCELLED = "kepu.booking.cancelled";
    public static final String REJECTED = "kepu.booking.rejected";
    public static final String ATTENDED = "kepu.booking.attended";

    private final Outbox outbox;
    private final BookingFactMapper facts;

    public BookingFacts(Outbox outbox, BookingFactMapper facts) {
        this.outbox = outbox;
        this.facts = facts;
    }

    public void slot(String type, VisitSlot slot, Venue venue) {
        outbox.append(TOPIC, type, slot.venueId, facts.toFact(slot, venue));
    }

    public void booking(String type, VisitBooking booking, VisitSlot slot, Venue venue) {
        outbox.append(TOPIC, type, slot.venueId, facts.toFact(booking, slot, venue));
    }
}
