package org.kepu.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.outbox.Outbox;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.EventSeats;
import org.kepu.events.domain.Registration;

/**
 * Writes registration facts to the outbox, in the transaction of the change. Keyed by the event, not the registration:
 * one event's facts stay in order on one partition, so a consumer's seat counts never go back in time.
 */
@ApplicationScoped
public class RegistrationFacts {

    public static final String CONFIRMED = "kepu.registration.confirmed";
    public static final String WAIT_LISTED = "kepu.registration.wait-listed";
    public static final String PROMOTED = "kepu.registration.promoted";
    public static final String RESIZED = "kepu.registration.resized";
    public static final String CANCELLED = "kepu.registration.cancelled";
    public static final String CHECKED_IN = "kepu.registration.checked-in";

    private final Outbox outbox;
    private final String topic;

    private final RegistrationFactMapper facts;

    public RegistrationFacts(Outbox outbox, EventsConfig config, RegistrationFactMapper facts) {
        this.outbox = outbox;
        this.facts = facts;
        this.topic = config.topics().registrations();
    }

    /** Records one registration's move; {@code type} is one of this class's constants. */
    public void record(String type, Registration registration, EventSeats seats) {
        outbox.append(topic, type, registration.eventId, facts.toFact(registration, seats));
    }
}
