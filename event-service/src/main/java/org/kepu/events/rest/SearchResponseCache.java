package org.kepu.events.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.EntityTag;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.kepu.common.paging.Page;
import org.kepu.common.rest.ETags;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventSearch;
import org.kepu.events.service.EventService;
import org.kepu.events.domain.PublicEventChanged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public search responses (the JSON list and the calendar feed), rendered once and kept for a short time. Discovery
 * traffic repeats itself (this week in Guangzhou, 科普 near me); a repeated search is answered with bytes already in
 * memory, on the I/O thread, with no database work, no mapping and no serialization, and carries an ETag so a client
 * that has it gets 304.
 *
 * <p>
 * This instance forgets everything as soon as one of its own transactions changes a public event, so a change is seen
 * at once here; another replica's change arrives as a fact on Kafka ({@code messaging.OtherReplicasChanges}) and is
 * forgotten the same way. Should that fail, the TTL bounds staleness: a search older than about
 * {@code kepu.events.search-cache.ttl} is answered from memory one last time while it is fetched again in the
 * background (stale-while-revalidate), so no caller waits on a popular search; one not asked for within twice the TTL
 * is dropped and fetched anew by the next caller. Database work always runs on the worker pool, never on the I/O
 * thread.
 */
@ApplicationScoped
public class SearchResponseCache {

    /** A response body ready to send, and its strong entity tag (a digest of the bytes). */
    public record Rendered(byte[] body, EntityTag tag) {
    }

    private enum Kind {
        JSON, CALENDAR
    }

    private record Key(Kind kind, EventSearch search, int page, int size) {
    }

    /** A response read at {@code generation}, to be fetched again in the background after {@code refreshAt}. */
    private record Entry(long generation, Rendered rendered, long refreshAt) {
    }

    private final EventViewMapper views;
    private final EventService service;
    private final ObjectMapper json;
    private final ManagedExecutor workers;
    private final AsyncLoadingCache<Key, Entry> entries;
    private final boolean enabled;
    private final long ttlNanos;
    /** Bumped by every public change, so a search that read the database before the change is never served. */
    private final AtomicLong generation = new AtomicLong();

    public SearchResponseCache(EventService service, ObjectMapper json, EventsConfig config,
            ManagedExecutor workers, EventViewMapper views) {
        this.service = service;
        this.views = views;
        this.json = json;
        this.workers = workers;
        this.enabled = config.searchCache().enabled();
        Duration ttl = config.searchCache().ttl();
        this.ttlNanos = ttl.toNanos();
        this.entries = Caffeine.newBuilder().maximumSize(config.searchCache().maxEntries())
                .expireAfterWrite(ttl.multipliedBy(2)).executor(workers).buildAsync(this::load);
    }

    /** One page of the search as the JSON list ({@code Page<EventView>}). */
    public CompletionStage<Rendered> page(EventSearch search, int page, int size) {
        return get(new Key(Kind.JSON, search, page, size));
    }

    /** The search's first {@code limit} events as an iCalendar feed. */
    public CompletionStage<Rendered> calendar(EventSearch search, int limit) {
        return get(new Key(Kind.CALENDAR, search, 0, limit));
    }

    private CompletionStage<Rendered> get(Key key) {
        if (!enabled) {
            return CompletableFuture.supplyAsync(() -> load(key).rendered(), workers);
        }
        return entries.get(key).thenCompose(entry -> {
            if (entry.generation() == generation.get()) {
                if (System.nanoTime() - entry.refreshAt() > 0) {
                    // Served once more while one reload runs in the background (Caffeine runs one per key).
                    entries.synchronous().refresh(key);
                }
                return CompletableFuture.completedFuture(entry.rendered());
            }
            // Read before a change committed here (a load racing the invalidation): read again.
            CompletableFuture<Entry> fresh = CompletableFuture.supplyAsync(() -> load(key), workers);
            entries.put(key, fresh);
            return fresh.thenApply(Entry::rendered);
        });
    }

    private Entry load(Key key) {
        long before = generation.get();
        Page<Event> found = service.search(key.search(), key.page(), key.size());
        byte[] body = switch (key.kind()) {
            case JSON -> toJson(found.map(event -> views.toView(event, key.search().near())));
            case CALENDAR -> ICalendar.of("Kepu 科普活动", found.items()).getBytes(StandardCharsets.UTF_8);
        };
        return new Entry(before, new Rendered(body, ETags.ofContent(body)), System.nanoTime() + jittered(ttlNanos));
    }

    private byte[] toJson(Page<EventView> page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event page could not be written as JSON", e);
        }
    }

    /** 80–120 % of the TTL: searches first cached together (after a restart, a deploy) are not reloaded together. */
    private static long jittered(long nanos) {
        return (long) (nanos * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicEventChanged change) {
        generation.incrementAndGet();
        entries.synchronous().invalidateAll();
    }
}
