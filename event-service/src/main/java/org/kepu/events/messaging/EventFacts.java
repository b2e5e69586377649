package org.kepu.events.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.outbox.Outbox;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;

/**
 * Writes the event facts to the outbox, in the transaction of the change they describe. Drafts are private, so their
 * creation and edits are not facts; publication is the first.
 */
@ApplicationScoped
public class EventFacts {

    public static final String PUBLISHED = "kepu.event.published";
    public static final String UPDATED = "kepu.event.updated";
    public static final String CANCELLED = "kepu.event.cancelled";
    public static final String COMPLETED = "kepu.event.completed";
    public static final String ATTENDANCE_REPORTED = "kepu.event.attendance-reported";

    private final Outbox outbox;
    private final String topic;
    private final EventFactMapper facts;

    public EventFacts(Outbox outbox, EventsConfig config, EventFactMapper facts) {
        this.outbox = outbox;
        this.facts = facts;
        this.topic = config.topics().events();
    }

    /** Records that the event moved or changed; {@code type} is one of this class's constants. */
    public void record(String type, Event event) {
        outbox.append(topic, type, event.id, facts.toFact(event));
    }

    /** Records that each of these events moved or changed the same way, in one statement (a partner's batch). */
    public void recordAll(String type, List<Event> events) {
        outbox.appendAll(topic, type, events.stream().map(e -> new Outbox.Fact(e.id, facts.toFact(e))).toList());
    }
}
