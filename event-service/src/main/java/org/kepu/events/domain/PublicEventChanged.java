package org.kepu.events.domain;

import java.util.UUID;

/**
 * A CDI event fired inside the transaction that changes what the public sees of an event; observers that act after
 * the commit (the search cache) learn of it only if the change is stored.
 *
 * @param eventId the changed event, or null when any may have changed (changes were missed)
 */
public record PublicEventChanged(UUID eventId) {
}
