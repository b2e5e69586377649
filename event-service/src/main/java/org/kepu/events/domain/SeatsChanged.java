package org.kepu.events.domain;

import java.util.UUID;

/**
 * A CDI event fired inside a transaction that changed an event's seat counts; the public view of that one event
 * (rest.PublicEventCache) forgets it after commit. Searches are not told: their pages show counts as of the last
 * time they were read, at most the search cache's TTL ago.
 *
 * @param eventId the event whose counts changed
 */
public record SeatsChanged(UUID eventId) {
}
