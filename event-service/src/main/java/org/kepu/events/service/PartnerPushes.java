package org.kepu.events.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.kepu.common.paging.Page;
import org.kepu.common.rules.DomainException;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.PublicEventChanged;
import org.kepu.events.domain.PushedState;
import org.kepu.events.domain.WithdrawnSource;
import org.kepu.events.messaging.EventFacts;
import org.kepu.events.repository.EventRepository;
import org.kepu.events.repository.KnownVenueRepository;
import org.kepu.events.repository.WithdrawnSourceRepository;

/**
 * Partners' events: storing a batch of checked items (one transaction for the batch, or one per external id), and
 * reading back the events a partner pushed. An item is applied as an organizer's draft would be
 * ({@link EventService#apply}), and every public change writes its fact as any other change does.
 *
 * <p>
 * A batch sent again changes nothing and answers every item it stored UNCHANGED with the same event id: an item is
 * UNCHANGED when what it asks for is already in effect — its content is what was last pushed for its external id, or
 * it withdraws an event already withdrawn (a cancelled public event, or a removed draft, whose
 * {@link WithdrawnSource} is remembered). When a batch names one external id several times, what counts is its last
 * item: if that one is in effect, the batch's earlier items for the id are too (they led there).
 */
@ApplicationScoped
public class PartnerPushes {

    private final EventService service;
    private final EventRepository events;
    private final KnownVenueRepository venues;
    private final EventFacts facts;
    private final jakarta.enterprise.event.Event<PublicEventChanged> publicChanges;
    private final RegistrationService registrations;
    private final ChangeFeed feed;
    private final WithdrawnSourceRepository withdrawn;

    public PartnerPushes(EventService service, EventRepository events, KnownVenueRepository venues, EventFacts facts,
            jakarta.enterprise.event.Event<PublicEventChanged> publicChanges, RegistrationService registrations,
            ChangeFeed feed, WithdrawnSourceRepository withdrawn) {
        this.service = service;
        this.events = events;
        this.withdrawn = withdrawn;
        this.venues = venues;
        this.facts = facts;
        this.publicChanges = publicChanges;
        this.registrations = registrations;
        this.feed = feed;
    }

    /** The caller's partner id; refused for anyone who is not a partner. */
    public static String partnerOf(Caller caller) {
        if (!caller.hasRole(Roles.PARTNER) || caller.partner().isEmpty()) {
            throw DomainException.notPermitted("Only a partner agency (role partner with a partner claim) pushes events");
        }
        return caller.partner().get();
    }

    /** An item of a batch, read and checked, waiting to be stored. */
    public record Pending(int index, PushItem item, String digest) {
    }

    /**
     * A partner's checked items in one transaction (one commit for the batch): an item refused by a rule is answered
     * REJECTED and leaves nothing behind; anything else that fails fails the whole transaction, for the caller to
     * store the items in smaller transactions instead (one per external id, each with all of its items). Two pushes
     * of the same external id at once queue on an advisory lock, so neither creates a duplicate.
     *
     * <p>
     * The common cases cost a few statements for the whole batch, not several per item: the external ids are locked
     * in one statement (sorted, so two batches never wait on each other in a circle), their stored events read in
     * one, the withdrawn sources among the rest in one, the venues and series the items name in one each; the items
     * new to Kepu are then written in one INSERT and their facts and feed changes in one each, and an item already in
     * effect is answered without a write.
     * The rest (an update, a withdrawal, a second item for the same external id) go through the entities one by one,
     * after the new ones, each in the order sent: items of different external ids never touch the same event, so
     * the outcome is the one of storing them in order.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<PushResult> pushAll(String partner, List<Pending> items) {
        List<String> externalIds = items.stream().map(p -> p.item().externalId()).distinct().sorted().toList();
        events.lockSources(partner, externalIds);
        Map<String, PushedState> live = events.pushedStates(partner, externalIds);
        Map<String, WithdrawnSource> gone = withdrawn.findBySources(partner,
                externalIds.stream().filter(id -> !live.containsKey(id)).toList());
        Map<String, Pending> lastOfSource = new HashMap<>();
        items.forEach(pending -> lastOfSource.put(pending.item().externalId(), pending));
        loadReferenced(items);
        PushResult[] outcomes = new PushResult[items.size()];
        List<Event> created = new ArrayList<>();
        List<Integer> oneByOne = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Pending pending = items.get(i);
            PushItem item = pending.item();
            Source source = new Source(item.externalId(), live.get(item.externalId()), gone.get(item.externalId()));
            Pending last = lastOfSource.get(item.externalId());
            if (source.holds(last.item().state(), last.digest())) {
                outcomes[i] = source.unchanged(pending.index());
            } else if (!seen.add(item.externalId()) || item.state() == PushItem.State.CANCELLED || source.isKnown()) {
                oneByOne.add(i);
            } else {
                try {
                    Event event = newlyPushed(partner, item, pending.digest());
                    created.add(event);
                    outcomes[i] = pushed(pending.index(), event, PushResult.Result.CREATED);
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
        service.apply(item.event(), event);
        event.pushDigest = digest;
        if (item.state() == PushItem.State.PUBLISHED) {
            event.publish();
        }
        return event;
    }

    private static PushResult rejected(Pending pending, DomainException e) {
        return PushResult.rejected(pending.index(), pending.item().externalId(), e);
    }

    /**
     * One item, after the batch's new events are stored and the earlier items of its external id are applied. 404 to
     * withdraw an event the partner never pushed, 409 to take a public event back to draft or to change a cancelled or
     * completed one.
     */
    private PushResult pushIn(String partner, int index, PushItem item, String digest) {
        Event stored = events.findBySource(partner, item.externalId()).orElse(null);
        Source source = new Source(item.externalId(), stored == null ? null : PushedState.of(stored),
                stored == null ? withdrawn.findBySource(partner, item.externalId()).orElse(null) : null);
        if (source.holds(item.state(), digest)) {
            return source.unchanged(index);
        }
        if (item.state() == PushItem.State.CANCELLED) {
            if (stored == null) {
                throw DomainException.notFound("Event with externalId", item.externalId());
            }
            return withdraw(index, stored, item.cancelReason());
        }
        if (stored == null) {
            Event event = newlyPushed(partner, item, digest); // published before it is stored: one INSERT
            events.persist(event);
            if (source.withdrawn() != null) {
                withdrawn.forget(partner, item.externalId()); // other content than it held: created again
            }
            service.changed(event, event.isPublic() ? EventFacts.PUBLISHED : null);
            return pushed(index, event, PushResult.Result.CREATED);
        }
        Event event = stored;
        if (item.state() == PushItem.State.DRAFT && event.status != EventStatus.DRAFT) {
            throw DomainException.conflict("cannot-unpublish", "A public event cannot return to draft",
                    "Event " + item.externalId() + " is " + event.status + "; withdraw it (CANCELLED) instead");
        }
        event.requireEditable();
        Integer capacityBefore = event.capacity;
        service.apply(item.event(), event);
        event.pushDigest = digest;
        if (event.status == EventStatus.DRAFT && item.state() == PushItem.State.PUBLISHED) {
            event.publish();
            service.changed(event, EventFacts.PUBLISHED);
        } else {
            service.changed(event, event.status == EventStatus.PUBLISHED ? EventFacts.UPDATED : null);
        }
        if (event.waitListedSeats > 0 && capacityBefore != null && event.capacity > capacityBefore) {
            registrations.promoteWaiting(event.id);
        }
        return pushed(index, event, PushResult.Result.UPDATED);
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

    private PushResult withdraw(int index, Event event, String reason) {
        if (event.status == EventStatus.DRAFT) {
            // Never public: nobody planned to come, so it simply goes, and its source remembers it for a retry.
            WithdrawnSource source = WithdrawnSource.of(event);
            events.delete(event);
            events.flush();
            withdrawn.record(source);
            return new PushResult(index, event.externalId, PushResult.Result.WITHDRAWN, event.id, null, null);
        }
        event.cancel(reason);
        service.changed(event, EventFacts.CANCELLED);
        registrations.cancelAllOf(event.id, reason);
        return pushed(index, event, PushResult.Result.WITHDRAWN);
    }

    private static PushResult pushed(int index, Event event, PushResult.Result result) {
        return new PushResult(index, event.externalId, result, event.id, event.version, null);
    }

    /**
     * What is stored for one external id: its event, or else the memory of its withdrawn draft, or neither.
     *
     * @param event the state of the partner's event with this external id; null if none is stored
     * @param withdrawn the withdrawn draft's memory; null if there is an event or none was withdrawn
     */
    private record Source(String externalId, PushedState event, WithdrawnSource withdrawn) {

        boolean isKnown() {
            return event != null || withdrawn != null;
        }

        /**
         * Whether an item in this state with this content is already in effect: the content last pushed, or a
         * withdrawal of what is withdrawn.
         */
        boolean holds(PushItem.State state, String digest) {
            if (state == PushItem.State.CANCELLED) {
                return event != null ? event.status() == EventStatus.CANCELLED : withdrawn != null;
            }
            return event != null ? digest.equals(event.pushDigest()) : withdrawn != null && withdrawn.held(digest);
        }

        /** The answer to an item already in effect: the event as it is, or the withdrawn draft's id (no version). */
        PushResult unchanged(int index) {
            return event != null
                    ? new PushResult(index, externalId, PushResult.Result.UNCHANGED, event.id(), event.version(), null)
                    : new PushResult(index, externalId, PushResult.Result.UNCHANGED, withdrawn.eventId, null, null);
        }
    }
}
