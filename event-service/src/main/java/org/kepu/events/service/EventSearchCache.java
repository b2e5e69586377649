package org.kepu.events.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.kepu.common.paging.Page;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.repository.EventSearch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public search results, kept for a short time. Discovery traffic repeats itself (this week in Guangzhou, 科普 near
 * me), and a repeated search answered from memory costs no database work at all.
 *
 * <p>
 * This instance forgets everything as soon as one of its own transactions changes a public event, so a change is seen
 * at once here; another replica's change is seen when the entry expires ({@code kepu.events.search-cache.ttl}).
 */
@ApplicationScoped
public class EventSearchCache {

    private record Key(EventSearch search, int page, int size) {
    }

    private record Entry(long generation, Page<Event> page) {
    }

    private final EventService service;
    private final Cache<Key, Entry> entries;
    private final boolean enabled;
    /** Bumped by every public change, so a search that read the database before the change is never kept. */
    private final AtomicLong generation = new AtomicLong();

    public EventSearchCache(EventService service, EventsConfig config) {
        this.service = service;
        this.enabled = config.searchCache().enabled();
        this.entries = Caffeine.newBuilder().maximumSize(config.searchCache().maxEntries())
                .expireAfterWrite(config.searchCache().ttl()).build();
    }

    /** The search's page, from memory when the same search was answered recently and nothing changed since. */
    public Page<Event> search(EventSearch search, int page, int size) {
        if (!enabled) {
            return service.search(search, page, size);
        }
        Key key = new Key(search, page, size);
        long current = generation.get();
        Entry cached = entries.getIfPresent(key);
        if (cached != null && cached.generation() == current) {
            return cached.page();
        }
        Page<Event> result = service.search(search, page, size);
        if (generation.get() == current) {
            entries.put(key, new Entry(current, result));
        }
        return result;
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicEventChanged change) {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
