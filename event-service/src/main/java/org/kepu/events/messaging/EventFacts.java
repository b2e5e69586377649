package org.kepu.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.divisions.Division;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.outbox.Outbox;
import org.kepu.events.domain.Event;

/** Writes the event facts to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class EventFacts {

    /** The topic of every event fact, keyed by event id. */
    public static final String TOPIC = "kepu.events";
    public static final String PUBLISHED = "kepu.event.published";

    private final Outbox outbox;
    private final Divisions divisions;

    public EventFacts(Outbox outbox, Divisions divisions) {
        this.outbox = outbox;
        this.divisions = divisions;
    }

    public void published(Event event) {
        outbox.append(TOPIC, PUBLISHED, event.id, toFact(event));
    }

    private EventFact toFact(Event event) {
        Division city = divisions.cityOf(event.divisionCode).orElse(null);
        return new EventFact(event.id, event.version, event.status, event.titleZh, event.titleEn, event.type,
                event.startsAt, event.endsAt, event.divisionCode, city == null ? null : city.code(),
                city == null ? null : city.economicRegion().name(), event.venueId, event.organizerOrg, event.capacity,
                event.publishedAt);
    }
}
