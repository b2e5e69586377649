package org.kepu.events.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.kepu.common.paging.Page;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.repository.EventSearch;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Public search results, kept for a short time. Discovery traffic repeats itself (this week in Guangzhou, 科普 near
 * me), and a repeated search answered from memory costs no database work at all.
 *
 * <p>
 * This instance forgets everything as soon as one of its own transactions changes a public event, so a change is seen
 * at once here. Another replica's change is seen once the entry is refreshed: a search older than
 * {@code kepu.events.search-cache.ttl} is answered from memory one last time while it is fetched again in the
 * background (stale-while-revalidate), so no caller waits on a popular search; one not asked for within twice the TTL
 * is dropped and fetched anew by the next caller.
 */
@ApplicationScoped
public class EventSearchCache {

    private record Key(EventSearch search, int page, int size) {
    }

    private record Entry(long generation, Page<Event> page) {
    }

    private final EventService service;
    private final LoadingCache<Key, Entry> entries;
    private final boolean enabled;
    /** Bumped by every public change, so a search that read the database before the change is never served. */
    private final AtomicLong generation = new AtomicLong();

    public EventSearchCache(EventService service, EventsConfig config, ManagedExecutor refresher) {
        this.service = service;
        this.enabled = config.searchCache().enabled();
        Duration ttl = config.searchCache().ttl();
        this.entries = Caffeine.newBuilder().maximumSize(config.searchCache().maxEntries()).refreshAfterWrite(ttl)
                .expireAfterWrite(ttl.multipliedBy(2)).executor(refresher).build(this::load);
    }

    /** The search's page, from memory when the same search was answered recently and nothing changed here since. */
    public Page<Event> search(EventSearch search, int page, int size) {
        if (!enabled) {
            return service.search(search, page, size);
        }
        Key key = new Key(search, page, size);
        Entry entry = entries.get(key);
        if (entry.generation() != generation.get()) {
            // Read before a change committed here (a load racing the invalidation): read again.
            entry = load(key);
            entries.asMap().replace(key, entry);
        }
        return entry.page();
    }

    private Entry load(Key key) {
        long before = generation.get();
        return new Entry(before, service.search(key.search(), key.page(), key.size()));
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicEventChanged change) {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
