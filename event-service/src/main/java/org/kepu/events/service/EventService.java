package org.kepu.events.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.paging.Page;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.security.Caller;
import org.kepu.events.domain.Event;
import org.kepu.events.messaging.EventFacts;
import org.kepu.events.repository.EventRepository;

/** Event use cases; each public method is one transaction, and every state change writes its fact to the outbox. */
@ApplicationScoped
public class EventService {

    private final EventRepository events;
    private final EventFacts facts;
    public EventService(EventRepository events, EventFacts facts) {
        this.events = events;
        this.facts = facts;
    }

    @Transactional
    public Event create(EventDraft draft, Caller caller) {
        Event event = Event.draft(owningOrganization(draft, caller));
        apply(draft, event);
        events.persist(event);
        return event;
    }

    /** An event the caller may see: published ones for everybody, drafts only for their organization and admins. */
    @Transactional
    public Event get(UUID id, Caller caller) {
        Event event = events.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Event", id));
        if (!event.isPublic() && !mayManage(event, caller)) {
            throw ProblemException.notFound("Event", id);
        }
        return event;
    }

    @Transactional
    public Page<Event> search(EventRepository.PublicSearch search, int page, int size) {
        return events.findPublic(search, page, size);
    }

    @Transactional
    public Event publish(UUID id, Long expectedVersion, Caller caller) {
        Event event = managed(id, expectedVersion, caller);
        event.publish();
        events.flush(); // the fact carries the version after this change
        facts.published(event);
        return event;
    }

    private Event managed(UUID id, Long expectedVersion, Caller caller) {
        Event event = events.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Event", id));
        if (!mayManage(event, caller)) {
            if (!event.isPublic()) {
                throw ProblemException.notFound("Event", id);
            }
            throw ProblemException.forbidden("Only the organizer of this event or an admin may change it");
        }
        if (expectedVersion != null && expectedVersion != event.version) {
            throw ProblemException.preconditionFailed("Event " + id + " has changed since you read it; read it again");
        }
        return event;
    }

    private static boolean mayManage(Event event, Caller caller) {
        return caller.isAdmin() || caller.organization().map(event.organizerOrg::equals).orElse(false);
    }

    private static String owningOrganization(EventDraft draft, Caller caller) {
        if (caller.isAdmin() && draft.organizerOrg() != null) {
            return draft.organizerOrg();
        }
        return caller.organization().orElseThrow(() -> ProblemException.invalid("organizerOrg",
                caller.isAdmin() ? "is required when an admin creates an event" : "your token names no organization"));
    }

    private static void apply(EventDraft draft, Event event) {
        event.titleZh = draft.titleZh();
        event.titleEn = draft.titleEn();
        event.descriptionZh = draft.descriptionZh();
        event.descriptionEn = draft.descriptionEn();
        event.type = draft.type();
        event.startsAt = draft.startsAt();
        event.endsAt = draft.endsAt();
        event.divisionCode = draft.divisionCode();
        event.address = draft.address();
        event.latitude = draft.latitude();
        event.longitude = draft.longitude();
        event.venueId = draft.venueId();
        event.capacity = draft.capacity();
    }
}
