package org.kepu.events.service;

import org.kepu.events.domain.PublicEventChanged;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.kepu.common.divisions.Divisions;
import org.kepu.common.paging.Page;
import org.kepu.common.problem.Problem;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rest.IfMatch;
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
    public Event update(UUID id, IfMatch expected, EventDraft draft, Caller caller) {
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
    public Event publish(UUID id, IfMatch expected, Caller caller) {
        Event event = managed(id, expected, caller);
        event.publish();
        return changed(event, EventFacts.PUBLISHED);
    }

    @Transactional
    public Event cancel(UUID id, IfMatch expected, String reason, Caller caller) {
        Event event = managed(id, expected, caller);
        event.cancel(reason);
        changed(event, EventFacts.CANCELLED);
        registrations.cancelAllOf(id, reason);
        return event;
    }

    @Transactional
    public Event complete(UUID id, IfMatch expected, Caller caller) {
        Event event = managed(id, expected, caller);
        event.complete(OffsetDateTime.now(ZoneOffset.UTC));
        return changed(event, EventFacts.COMPLETED);
    }

    @Transactional
    public Event reportAttendance(UUID id, IfMatch expected, int offline, int online, Caller caller) {
        Event event = managed(id, expected, caller);
        event.reportAttendance(offline, online);
        return changed(event, EventFacts.ATTENDANCE_REPORTED);
    }

    @Transactional
    public void deleteDraft(UUID id, IfMatch expected, Caller caller) {
        Event event = managed(id, expected, caller);
        event.requireDeletable();
        events.delete(event);
        events.flush(); // a concurrent change loses here, inside the request, where it is answered 409 or 412
    }

    /**
     * One pushed item, in a transaction of its own. Two pushes of the same external id at once queue on an advisory
     * lock, so neither creates a duplicate. 404 to withdraw an event the partner never pushed, 409 to take a public
     * event back to draft or to change a cancelled or completed one.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public PushOutcome.Item push(String partner, int index, PushItem item, String digest) {
        events.lockSources(partner, List.of(item.externalId()));
        return pushIn(partner, index, item, digest);
    }

    /** An item of a batch, read and checked, waiting to be stored. */
    public record Pending(int index, PushItem item, String digest) {
    }

    /**
     * A partner's checked items in one transaction (one commit for the batch): an item refused by a rule is answered
     * REJECTED and leaves nothing behind; anything else that fails fails the whole transaction, for the caller to
     * store the items one by one instead.
     *
     * <p>
     * The common cases cost a few statements for the whole batch, not several per item: the external ids are locked
     * in one statement (sorted, so two batches never wait on each other in a circle), their stored events read in
     * one, the venues and series the items name in one each; the items new to Kepu are then written in one INSERT
     * and their facts and feed changes in one each, and an item equal to what is stored is answered without a write.
     * The rest (an update, a withdrawal, a second item for the same external id) go through the entities one by one,
     * after the new ones, each in the order sent: items of different external ids never touch the same event, so
     * the outcome is the one of storing them in order.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<PushOutcome.Item> pushAll(String partner, List<Pending> items) {
        List<String> externalIds = items.stream().map(p -> p.item().externalId()).distinct().sorted().toList();
        events.lockSources(partner, externalIds);
        Map<String, Event> stored = events.findBySources(partner, externalIds);
        loadReferenced(items);
        PushOutcome.Item[] outcomes = new PushOutcome.Item[items.size()];
        List<Event> created = new ArrayList<>();
        List<Integer> oneByOne = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Pending pending = items.get(i);
            PushItem item = pending.item();
            Event existing = stored.get(item.externalId());
            if (!seen.add(item.externalId()) || item.state() == PushItem.State.CANCELLED
                    || existing != null && !pending.digest().equals(existing.pushDigest)) {
                oneByOne.add(i);
            } else if (existing != null) {
                outcomes[i] = pushed(pending.index(), existing, PushOutcome.Result.UNCHANGED);
            } else {
                try {
                    Event event = newlyPushed(partner, item, pending.digest());
                    created.add(event);
                    outcomes[i] = pushed(pending.index(), event, PushOutcome.Result.CREATED);
                } catch (DomainException e) {
                    outcomes[i] = rejected(pending, e);
                }
            }
        }
        events.insertAll(created);
        List<Event> published = created.stream().filter(Event::isPublic).toList();
        facts.recordAll(EventFacts.PUBLISHED, published);
        feed.recordAll(published, EventFacts.PUBLISHED);
        published.forEach(event -> publicChanges.fire(new PublicEventChanged(event.id)));
        events.getEntityManager().clear(); // the batch's loaded rows are done with: later flushes need not check them
        for (int i : oneByOne) {
            Pending pending = items.get(i);
            try {
                outcomes[i] = pushIn(partner, pending.index(), pending.item(), pending.digest());
            } catch (DomainException e) {
                events.findBySource(partner, pending.item().externalId())
                        .ifPresent(event -> events.getEntityManager().refresh(event));
                outcomes[i] = rejected(pending, e);
            }
            // Each item's event is done with: keep the session small, or every flush would check them all again.
            events.getEntityManager().flush();
            events.getEntityManager().clear();
        }
        return List.of(outcomes);
    }

    /** The venues and series the items name, read in one statement each, so that checking each item finds them. */
    private void loadReferenced(List<Pending> items) {
        Set<UUID> venueIds = new HashSet<>();
        Set<UUID> seriesIds = new HashSet<>();
        for (Pending pending : items) {
            EventDraft draft = pending.item().event();
            if (draft != null && draft.venueId() != null) {
                venueIds.add(draft.venueId());
            }
            if (draft != null && draft.seriesId() != null) {
                seriesIds.add(draft.seriesId());
            }
        }
        if (!venueIds.isEmpty()) {
            venues.list("id IN ?1", venueIds);
        }
        if (!seriesIds.isEmpty()) {
            events.list("id IN ?1", seriesIds);
        }
    }

    /** A new event from a pushed item, checked and ready to be stored; nothing is written yet. */
    private Event newlyPushed(String partner, PushItem item, String digest) {
        Event event = Event.pushed(partner, item.externalId());
        apply(item.event(), event);
        event.pushDigest = digest;
        if (item.state() == PushItem.State.PUBLISHED) {
            event.publish();
        }
        return event;
    }

    private static PushOutcome.Item rejected(Pending pending, DomainException e) {
        return new PushOutcome.Item(pending.index(), pending.item().externalId(), PushOutcome.Result.REJECTED, null,
                null, Problem.of(e));
    }

    private PushOutcome.Item pushIn(String partner, int index, PushItem item, String digest) {
        Optional<Event> existing = events.findBySource(partner, item.externalId());
        if (item.state() == PushItem.State.CANCELLED) {
            Event event = existing
                    .orElseThrow(() -> DomainException.notFound("Event with externalId", item.externalId()));
            return withdraw(index, event, item.cancelReason());
        }
        if (existing.isEmpty()) {
            Event event = newlyPushed(partner, item, digest); // published before it is stored: one INSERT
            events.persist(event);
            changed(event, event.isPublic() ? EventFacts.PUBLISHED : null);
            return pushed(index, event, PushOutcome.Result.CREATED);
        }
        Event event = existing.get();
        if (digest.equals(event.pushDigest)) {
            return pushed(index, event, PushOutcome.Result.UNCHANGED);
        }
        if (item.state() == PushItem.State.DRAFT && event.status != EventStatus.DRAFT) {
            throw DomainException.conflict("cannot-unpublish", "A public event cannot return to draft",
                    "Event " + item.externalId() + " is " + event.status + "; withdraw it (CANCELLED) instead");
        }
        event.requireEditable();
        Integer capacityBefore = event.capacity;
        apply(item.event(), event);
        event.pushDigest = digest;
        if (event.status == EventStatus.DRAFT && item.state() == PushItem.State.PUBLISHED) {
            event.publish();
            changed(event, EventFacts.PUBLISHED);
        } else {
            changed(event, event.status == EventStatus.PUBLISHED ? EventFacts.UPDATED : null);
        }
        if (event.waitListedSeats > 0 && capacityBefore != null && event.capacity > capacityBefore) {
            registrations.promoteWaiting(event.id);
        }
        return pushed(index, event, PushOutcome.Result.UPDATED);
    }

    /** A partner's event by its external id: theirs only (404 otherwise, drafts included). */
    @Transactional(TxType.SUPPORTS)
    public Event pushedEvent(String partner, String externalId) {
        return events.findBySource(partner, externalId)
                .orElseThrow(() -> DomainException.notFound("Event with externalId", externalId));
    }

    @Transactional
    public Page<Event> pushedEvents(String partner, int page, int size) {
        return events.ofPartner(partner, page, size);
    }

    private PushOutcome.Item withdraw(int index, Event event, String reason) {
        if (event.status == EventStatus.CANCELLED) {
            return new PushOutcome.Item(index, event.externalId, PushOutcome.Result.UNCHANGED, event.id,
                    event.version, null);
        }
        if (event.status == EventStatus.DRAFT) {
            // Never public: nobody planned to come, so it simply goes.
            events.delete(event);
            events.flush();
            return new PushOutcome.Item(index, event.externalId, PushOutcome.Result.WITHDRAWN, event.id, null, null);
        }
        event.cancel(reason);
        changed(event, EventFacts.CANCELLED);
        registrations.cancelAllOf(event.id, reason);
        return pushed(index, event, PushOutcome.Result.WITHDRAWN);
    }

    private static PushOutcome.Item pushed(int index, Event event, PushOutcome.Result result) {
        return new PushOutcome.Item(index, event.externalId, result, event.id, event.version, null);
    }

    private Event changed(Event event, String factType) {
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
    private Event managed(UUID id, IfMatch expected, Caller caller) {
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

    private void apply(EventDraft draft, Event event) {
        drafts.apply(draft, event);
        event.joinSeries(draft.seriesId() == null
                ? null
                : events.findByIdOptional(draft.seriesId())
                        .orElseThrow(() -> DomainException.invalid("seriesId", "is not an existing event")));
        KnownVenue venue = draft.venueId() == null ? null : knownVenue(draft.venueId());
        event.placeAt(draft.divisionCode(), draft.latitude(), draft.longitude(), venue, divisions);
        event.offerRegistration(Boolean.TRUE.equals(draft.takesRegistrations()), draft.capacity(),
                draft.registrationSizeCap(), Boolean.TRUE.equals(draft.keepsWaitList()));
    }
}
