package org.kepu.events.rest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.kepu.common.rest.ETags;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.rest.SearchResponseCache.Rendered;
import org.kepu.events.service.EventService;
import org.kepu.events.domain.PublicEventChanged;
import org.kepu.events.domain.SeatsChanged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public events as anonymous callers read them one by one, rendered once per version. A shared link, a QR code on a
 * poster or an app's detail page sends many readers to one event; each is answered with bytes already in memory, on
 * the I/O thread, with no database round trip, no mapping and no serialization. The ETag is the event's version, as
 * when it is read from the database, so If-Match and If-None-Match work alike on either path.
 *
 * <p>
 * Only published, cancelled and completed events are kept (drafts and unknown ids are read from the database every
 * time, and answered 404), and only anonymous reads use it: callers with a token read the database, so an organizer
 * always sees their own change at once on any replica. An event is forgotten when this replica commits a change to it,
 * or when another replica's fact about it arrives ({@code messaging.OtherReplicasChanges}); the TTL bounds staleness
 * should both fail: past it an event is read again in the background, served from memory meanwhile.
 */
@ApplicationScoped
public class PublicEventCache {

    private final EventViewMapper views;
    private final EventService service;
    private final ObjectMapper json;
    private final ManagedExecutor workers;
    private final AsyncLoadingCache<UUID, Rendered> entries;
    private final boolean enabled;

    public PublicEventCache(EventService service, ObjectMapper json, EventsConfig config, ManagedExecutor workers,
            EventViewMapper views) {
        this.service = service;
        this.views = views;
        this.json = json;
        this.workers = workers;
        this.enabled = config.eventCache().enabled();
        // A load that finds no public event yields null, which Caffeine does not keep: an id nobody can see is never
        // stored, so guessing ids cannot fill the cache, and a refresh that finds the event gone drops it.
        this.entries = Caffeine.newBuilder().maximumSize(config.eventCache().maxEntries())
                .refreshAfterWrite(config.eventCache().ttl()).expireAfterWrite(config.eventCache().ttl().multipliedBy(2))
                .executor(workers).buildAsync(this::render);
    }

    /** The event as the public sees it, or null when there is no public event with this id. */
    public CompletionStage<Rendered> get(UUID id) {
        if (!enabled) {
            return CompletableFuture.supplyAsync(() -> render(id), workers);
        }
        return entries.get(id);
    }

    private Rendered render(UUID id) {
        return service.findPublic(id).map(this::render).orElse(null);
    }

    private Rendered render(Event event) {
        try {
            return new Rendered(json.writeValueAsBytes(views.toView(event)), ETags.of(event.version));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SeatsChanged change) {
        entries.synchronous().invalidate(change.eventId()); // its counts changed; searches keep theirs up to their TTL
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicEventChanged change) {
        if (change.eventId() == null) {
            entries.synchronous().invalidateAll();
        } else {
            // An in-flight load or refresh of this id is discarded with it: Caffeine keeps only what it maps.
            entries.synchronous().invalidate(change.eventId());
        }
    }
}
