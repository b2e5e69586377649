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

    /** The public search cache (see EventSearchCache). */
    SearchCache searchCache();

    /** {@code kepu.events.search-cache.*}, e.g. {@code KEPU_EVENTS_SEARCH_CACHE_TTL=5s}. */
    interface SearchCache {

        /** Off answers every search from the database (the benchmark's uncached runs). */
        @WithDefault("true")
        boolean enabled();

        /**
         * After this a search is fetched again in the background (served from memory meanwhile); unused for twice
         * this, it is dropped. Another replica's change shows here within one to two TTLs.
         */
        @WithDefault("10s")
        Duration ttl();

        /** Distinct searches kept; the least recently used go first. */
        @WithDefault("10000")
        long maxEntries();
    }
}
