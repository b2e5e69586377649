package org.kepu.events.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** event-service's own tunables ({@code kepu.events.*}, e.g. {@code KEPU_EVENTS_CALENDAR_FEED_LIMIT}). */
@ConfigMapping(prefix = "kepu.events")
public interface EventsConfig {

    /** How many events a calendar feed carries at most, soonest first. */
    @WithDefault("500")
    int calendarFeedLimit();

    /** The "near me" radius when a search gives a point but no radius, in km. */
    @WithDefault("10")
    double defaultRadiusKm();

    /**
     * The consumer group reading {@code kepu.venues} into the known venues (messaging.VenueFactsConsumer); the channel
     * itself is configured under {@code mp.messaging.incoming.venue-facts}.
     */
    @WithDefault("event-service")
    String venueConsumerGroup();

    /** The topics event-service writes its facts to ({@code kepu.events.topics.*}). */
    Topics topics();

    /** {@code kepu.events.topics.*}: a benchmark or a second environment on one broker points them elsewhere. */
    interface Topics {

        /** Event facts, keyed by event id; read by reporting-service and by this service's other replicas. */
        @WithDefault("kepu.events")
        String events();

        /** Registration facts, keyed by event id; read by reporting-service. */
        @WithDefault("kepu.registrations")
        String registrations();
    }

    /**
     * {@code kepu.events.search-cache.*}: the public search cache (rest.SearchResponseCache), e.g.
     * {@code KEPU_EVENTS_SEARCH_CACHE_TTL=5s}.
     */
    Cache searchCache();

    /**
     * {@code kepu.events.event-cache.*}: public events read one by one, anonymously (rest.PublicEventCache), e.g.
     * {@code KEPU_EVENTS_EVENT_CACHE_ENABLED=false}.
     */
    Cache eventCache();

    /**
     * Read the event fact topic to forget cached searches and events when another replica changes a public event
     * (messaging.OtherReplicasChanges). Off, another replica's change shows only after the caches' TTL.
     */
    @WithDefault("true")
    boolean followOtherReplicas();

    /** A cache of public answers in front of the database; the search cache and the event cache each have one. */
    interface Cache {

        /** Off answers every request from the database (the benchmark's uncached runs). */
        @WithDefault("true")
        boolean enabled();

        /**
         * After about this long an answer is fetched again in the background, served from memory meanwhile; unused
         * for twice this, it is dropped. (Searches take 80–120 % of it, so that searches cached together are not all
         * fetched again together.) Changes are normally seen sooner: this replica's at once, other replicas' within
         * about a second (see {@link EventsConfig#followOtherReplicas()}); the TTL bounds staleness should that fail.
         */
        @WithDefault("60s")
        Duration ttl();

        /** Answers kept (a search's page, or an event of some 1–2 KB); the least recently used go first. */
        @WithDefault("10000")
        long maxEntries();
    }

    /** Partners' pushes (rest.PartnerPushReader, service.PartnerPushes). */
    PartnerPush partnerPush();

    /** {@code kepu.events.partner-push.*}, e.g. {@code KEPU_EVENTS_PARTNER_PUSH_MAX_ITEMS=500}. */
    interface PartnerPush {

        /** The most items one push may carry; more is refused with 413. */
        @WithDefault("1000")
        int maxItems();
    }

    /** The public change feed (service.ChangeFeed). */
    ChangeFeed changeFeed();

    /** {@code kepu.events.change-feed.*}, e.g. {@code KEPU_EVENTS_CHANGE_FEED_RETENTION=14d}. */
    interface ChangeFeed {

        /** How long changes are kept; a cursor older than that gets 410 Gone. */
        @WithDefault("7d")
        Duration retention();

        /** How often committed changes are positioned: the feed's lag behind a commit, at most. */
        @WithDefault("200ms")
        Duration sequenceInterval();

        /** How often changes past the retention are purged. */
        @WithDefault("1h")
        Duration purgeInterval();
    }
}
