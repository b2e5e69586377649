package org.kepu.venues.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.outbox.Outbox;
import org.kepu.venues.domain.CertificationMove;
import org.kepu.venues.domain.Venue;

/** Writes the venue facts to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class VenueFacts {

    /** The topic of every venue fact, keyed by venue id. */
    public static final String TOPIC = "kepu.venues";
    public static final String REGISTERED = "kepu.venue.registered";
    /** Details or opening hours changed. */
    public static final String UPDATED = "kepu.venue.updated";
    /** Opened, closed for a while, or closed for good. */
    public static final String STATUS_CHANGED = "kepu.venue.status-changed";
    public static final String CERTIFICATION_CHANGED = "kepu.venue.certification-changed";

    private final Outbox outbox;
    private final VenueFactMapper facts;

    public VenueFacts(Outbox outbox, VenueFactMapper facts) {
        this.outbox = outbox;
        this.facts = facts;
    }

    /** A fact of {@code type} about the venue as it is now (flushed: the fact carries the stored version). */
    public void record(String type, Venue venue) {
        outbox.append(TOPIC, type, venue.id, facts.toFact(venue, null));
    }

    public void certificationMoved(Venue venue, CertificationMove move) {
        outbox.append(TOPIC, CERTIFICATION_CHANGED, venue.id, facts.toFact(venue, move));
    }
}
