package org.kepu.events.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.rules.DomainException;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.repository.EventChangeRepository;
import org.kepu.events.domain.EventChange;
import org.kepu.events.repository.EventRepository;

import io.quarkus.scheduler.Scheduled;

/**
 * The feed of changes to public events, in commit order, read with an opaque cursor. Changes are written with the
 * change itself ({@link #record}); the sequencer positions them once committed, every fraction of a second, so that a
 * cursor never skips a change that committed late; old changes are purged after the retention, and a cursor older
 * than that is gone (410), as a Kubernetes watch's is.
 */
@ApplicationScoped
public class ChangeFeed {

    /** A change with the event as the public sees it now (null if it has since been removed). */
    public record Entry(EventChange change, Event event) {
    }

    /** A page of the feed and the cursor to read on from. */
    public record Slice(List<Entry> entries, String next) {
    }

    private final EventChangeRepository changes;
    private final EventRepository events;
    private final EventsConfig config;

    public ChangeFeed(EventChangeRepository changes, EventRepository events, EventsConfig config) {
        this.changes = changes;
        this.events = events;
        this.config = config;
    }

    /** Records a change of a public event, in its transaction; {@code factType} is the fact's type. */
    public void record(Event event, String factType) {
        changes.record(event.id, changeOf(factType), event.version);
    }

    /** Records the same change of many public events, in their transaction, in one statement. */
    public void recordAll(List<Event> events, String factType) {
        changes.recordAll(changeOf(factType), events.stream().map(e -> e.id).toList(),
                events.stream().map(e -> e.version).toList());
    }

    /** The change a fact type names: {@code kepu.event.published} is {@code published}. */
    private static String changeOf(String factType) {
        return factType.substring(factType.lastIndexOf('.') + 1);
    }

    /**
     * Up to {@code limit} changes after the cursor; without one, from the oldest kept, or from now with
     * {@code latest}. 400 naming {@code after} for a cursor that is not one; 410 {@code cursor-expired} for one older
     * than the retained history.
     */
    @Transactional
    public Slice read(String cursor, boolean latest, int limit) {
        long after = cursor != null ? decode(cursor) : latest ? changes.latest() : changes.purgedThrough();
        if (after < changes.purgedThrough()) {
            throw DomainException.gone("cursor-expired", "Cursor too old",
                    "Changes up to this cursor are no longer kept (" + config.changeFeed().retention()
                            + "). Start over: list the events (GET /api/v1/events), then follow the feed from"
                            + " GET /api/v1/event-changes?from=latest.");
        }
        List<EventChange> page = changes.after(after, limit);
        List<UUID> ids = page.stream().map(EventChange::eventId).distinct().toList();
        Map<UUID, Event> byId = ids.isEmpty()
                ? Map.of()
                : events.list("id IN ?1", ids).stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<Entry> entries = page.stream().map(change -> new Entry(change, byId.get(change.eventId()))).toList();
        long next = page.isEmpty() ? after : page.get(page.size() - 1).position();
        return new Slice(entries, encode(next));
    }

    public static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("c1:")) {
                throw new IllegalArgumentException(text);
            }
            long position = Long.parseLong(text.substring(3));
            if (position < 0) {
                throw new IllegalArgumentException(text);
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("after", "is not a cursor this feed gave");
        }
    }

    @Scheduled(every = "${kepu.events.change-feed.sequence-interval:200ms}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void sequence() {
        while (changes.sequence(5_000) == 5_000) {
            // a backlog (a partner's push of thousands) is positioned in several statements
        }
    }

    @Scheduled(every = "${kepu.events.change-feed.purge-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        changes.purge(OffsetDateTime.now(ZoneOffset.UTC).minus(config.changeFeed().retention()));
    }
}
