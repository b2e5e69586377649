package org.kepu.events.service;

import org.kepu.events.domain.PublicEventChanged;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.kepu.common.divisions.Divisions;
import org.kepu.common.paging.Page;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.security.Caller;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.KnownVenue;
import org.kepu.events.messaging.EventFacts;
import org.kepu.events.repository.EventRepository;
import org.kepu.events.domain.EventSearch;
import org.kepu.events.repository.KnownVenueRepository;

/** Event use cases; each public method is one transaction, and every public change writes its fact to the outbox. */
@ApplicationScoped
public class EventService {

    private final EventRepository events;
    private final KnownVenueRepository venues;
    private final EventFacts facts;
    private final Divisions divisions;
    private final jakarta.enterprise.event.Event<PublicEventChanged> publicChanges;
    private final RegistrationService registrations;
    private final ChangeFeed feed;
    private final EventDraftMapper drafts;

    public EventService(EventRepository events, KnownVenueRepository venues, EventFacts facts, Divisions divisions,
            jakarta.enterprise.event.Event<PublicEventChanged> publicChanges, RegistrationService registrations,
            ChangeFeed feed, EventDraftMapper drafts) {
        this.drafts = drafts;
        this.registrations = registrations;
        this.feed = feed;
        this.events = events;
        this.venues = venues;
        this.facts = facts;
        this.divisions = divisions;
        this.publicChanges = publicChanges;
    }

    @Transactional
    public Event create(EventDraft draft, Caller caller) {
        Event event = Event.draft(owningOrganization(draft, caller));
        apply(draft, event);
        events.persist(event);
        events.flush(); // the response's ETag is the stored version
        return event;
    }

    /**
     * An event the caller may see: public ones for everybody, drafts only for their organization and admins. A read of
     * one row needs no transaction: without one it is a single statement in autocommit, not BEGIN, SELECT, COMMIT.
     */
    @Transactional(TxType.SUPPORTS)
    public Event get(UUID id, Caller caller) {
        Event event = events.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Event", id));
        if (!event.isPublic() && !event.isManagedBy(caller)) {
            throw DomainException.notFound("Event", id);
        }
        return event;
    }

    /** A published, cancelled or completed event, as anybody may read it; empty for drafts and unknown ids. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Event> findPublic(UUID id) {
        return events.findByIdOptional(id).filter(Event::isPublic);
    }

    /**
     * Searches the database; the public API reads through rest.SearchResponseCache. No transaction of its own: the
     * repository opens one only for free text, which needs it (see EventRepository#search).
     */
    @Transactional(TxType.SUPPORTS)
    public Page<Event> search(EventSearch search, int page, int size) {
        return events.search(search, page, size);
    }

    /** Replaces an event's details; a published event's change is a fact. */
    @Transactional
    public Event update(UUID id, ExpectedVersion expected, EventDraft draft, Caller caller) {
        Event event = managed(id, expected, caller);
        event.requireEditable();
        Integer capacityBefore = event.capacity;
        apply(draft, event);
        changed(event, event.status == EventStatus.PUBLISHED ? EventFacts.UPDATED : null);
        if (event.waitListedSeats > 0 && capacityBefore != null && event.capacity > capacityBefore) {
            registrations.promoteWaiting(id); // a raised capacity seats people waiting
            events.getEntityManager().refresh(event); // with the seat counts after that
        }
        return event;
    }

    @Transactional
    public Event publish(UUID id, ExpectedVersion expected, Caller caller) {
        Event event = managed(id, expected, caller);
        event.publish();
        return changed(event, EventFacts.PUBLISHED);
    }

    @Transactional
    public Event cancel(UUID id, ExpectedVersion expected, String reason, Caller caller) {
        Event event = managed(id, expected, caller);
        event.cancel(reason);
        changed(event, EventFacts.CANCELLED);
        registrations.cancelAllOf(id, reason);
        return event;
    }

    @Transactional
    public Event complete(UUID id, ExpectedVersion expected, Caller caller) {
        Event event = managed(id, expected, caller);
        event.complete(OffsetDateTime.now(ZoneOffset.UTC));
        return changed(event, EventFacts.COMPLETED);
    }

    @Transactional
    public Event reportAttendance(UUID id, ExpectedVersion expected, int offline, int online, Caller caller) {
        Event event = managed(id, expected, caller);
        event.reportAttendance(offline, online);
        return changed(event, EventFacts.ATTENDANCE_REPORTED);
    }

    @Transactional
    public void deleteDraft(UUID id, ExpectedVersion expected, Caller caller) {
        Event event = managed(id, expected, caller);
        event.requireDeletable();
        events.delete(event);
        events.flush(); // a concurrent change loses here, inside the request, where it is answered 409 or 412
    }

    /** Flushes the change and, for a public one, records its fact, its feed entry and the caches' notice. */
    Event changed(Event event, String factType) {
        events.flush(); // the fact and the ETag carry the version after this change
        if (factType != null) {
            facts.record(factType, event);
            feed.record(event, factType);
            publicChanges.fire(new PublicEventChanged(event.id));
        }
        return event;
    }

    /**
     * The event, locked for this transaction: changes to it queue behind registrations' seat decisions and the other
     * way round, so a capacity is never checked against stale seat counts.
     */
    private Event managed(UUID id, ExpectedVersion expected, Caller caller) {
        Event event = events.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("Event", id));
        event.requireManagedBy(caller);
        expected.requireMatches(event.version, "Event " + id);
        return event;
    }

    private static String owningOrganization(EventDraft draft, Caller caller) {
        if (caller.isAdmin() && draft.organizerOrg() != null) {
            return draft.organizerOrg();
        }
        return caller.organization().orElseThrow(() -> DomainException.invalid("organizerOrg",
                caller.isAdmin() ? "is required when an admin creates an event" : "your token names no organization"));
    }

    /** A venue venue-service has announced and not closed; 400 naming venueId otherwise. */
    private KnownVenue knownVenue(UUID id) {
        KnownVenue venue = venues.findByIdOptional(id).orElseThrow(() -> DomainException.invalid("venueId",
                "is not a venue Kepu knows; register it in the venue directory first (a new venue is known within seconds)"));
        venue.requireOpenForEvents();
        return venue;
    }

    /**
     * Applies a draft to an event: its plain fields, then the event's rules that set the schedule, how people take
     * part, the series, the place and registrations.
     */
    void apply(EventDraft draft, Event event) {
        drafts.apply(draft, event);
        event.schedule(draft.startsAt(), draft.endsAt(), draft.registrationOpensAt(), draft.registrationClosesAt());
        event.attendBy(draft.format(), draft.streamUrl());
        event.joinSeries(draft.seriesId(), events::findByIdOptional);
        KnownVenue venue = draft.venueId() == null ? null : knownVenue(draft.venueId());
        event.placeAt(draft.divisionCode(), draft.latitude(), draft.longitude(), venue, divisions);
        event.offerRegistration(Boolean.TRUE.equals(draft.takesRegistrations()), draft.capacity(),
                draft.registrationSizeCap(), Boolean.TRUE.equals(draft.keepsWaitList()));
    }
}
