package org.kepu.events.config;

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
}
