package org.kepu.venues.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.divisions.Division;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.outbox.Outbox;
import org.kepu.venues.domain.Venue;

/** Writes the venue facts to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class VenueFacts {

    /** The topic of every venue fact, keyed by venue id. */
    public static final String TOPIC = "kepu.venues";
    public static final String REGISTERED = "kepu.venue.registered";

    private final Outbox outbox;
    private final Divisions divisions;

    public VenueFacts(Outbox outbox, Divisions divisions) {
        this.outbox = outbox;
        this.divisions = divisions;
    }

    public void registered(Venue venue) {
        outbox.append(TOPIC, REGISTERED, venue.id, toFact(venue));
    }

    private VenueFact toFact(Venue venue) {
        Division city = divisions.cityOf(venue.divisionCode).orElse(null);
        return new VenueFact(venue.id, venue.version, venue.nameZh, venue.nameEn, venue.kind, venue.divisionCode,
                city == null ? null : city.code(), city == null ? null : city.economicRegion().name(), venue.latitude,
                venue.longitude);
    }
}
