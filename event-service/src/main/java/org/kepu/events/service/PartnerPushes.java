package org.kepu.events.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.kepu.events.messaging.EventFacts;
import org.kepu.events.repository.EventRepository;
import org.kepu.events.repository.KnownVenueRepository;

/**
 * Partners' events: storing a batch of checked items (one transaction for the batch, or one per item), and reading
 * back the events a partner pushed. An item is applied as an organizer's draft would be ({@link EventService#apply}),
 * and every public change writes its fact as any other change does.
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

    public PartnerPushes(EventService service, EventRepository events, KnownVenueRepository venues, EventFacts facts,
            jakarta.enterprise.event.Event<PublicEventChanged> publicChanges, RegistrationService registrations,
            ChangeFeed feed) {
        this.service = service;
        this.events = events;
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

    /**
     * One pushed item, in a transaction of its own. Two pushes of the same external id at once queue on an advisory
     * lock, so neither creates a duplicate. 404 to withdraw an event the partner never pushed, 409 to take a public
     * event back to draft or to change a cancelled or completed one.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public PushResult push(String partner, int index, PushItem item, String digest) {
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
    public List<PushResult> pushAll(String partner, List<Pending> items) {
        List<String> externalIds = items.stream().map(p -> p.item().externalId()).distinct().sorted().toList();
        events.lockSources(partner, externalIds);
        Map<String, Event> stored = events.findBySources(partner, externalIds);
        loadReferenced(items);
        PushResult[] outcomes = new PushResult[items.size()];
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
                outcomes[i] = pushed(pending.index(), existing, PushResult.Result.UNCHANGED);
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

    private PushResult pushIn(String partner, int index, PushItem item, String digest) {
        Optional<Event> existing = events.findBySource(partner, item.externalId());
        if (item.state() == PushItem.State.CANCELLED) {
            Event event = existing
                    .orElseThrow(() -> DomainException.notFound("Event with externalId", item.externalId()));
            return withdraw(index, event, item.cancelReason());
        }
        if (existing.isEmpty()) {
            Event event = newlyPushed(partner, item, digest); // published before it is stored: one INSERT
            events.persist(event);
            service.changed(event, event.isPublic() ? EventFacts.PUBLISHED : null);
            return pushed(index, event, PushResult.Result.CREATED);
        }
        Event event = existing.get();
        if (digest.equals(event.pushDigest)) {
            return pushed(index, event, PushResult.Result.UNCHANGED);
        }
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
        if (event.status == EventStatus.CANCELLED) {
            return new PushResult(index, event.externalId, PushResult.Result.UNCHANGED, event.id,
                    event.version, null);
        }
        if (event.status == EventStatus.DRAFT) {
            // Never public: nobody planned to come, so it simply goes.
            events.delete(event);
            events.flush();
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
}
