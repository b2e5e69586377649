package org.kepu.events.domain;

import java.util.UUID;

/**
 * What a partner's batch needs to know of an event it pushed before, to tell whether an item is already in effect:
 * its identity, where it stands and the digest of the content last pushed. A retried night batch is mostly items
 * already in effect, and for those this is all that is read, not the event's whole row.
 *
 * @param version the event's version, which an UNCHANGED answer carries
 */
public record PushedState(UUID id, String externalId, EventStatus status, String pushDigest, long version) {

    /** The state of a stored event. */
    public static PushedState of(Event event) {
        return new PushedState(event.id, event.externalId, event.status, event.pushDigest, event.version);
    }
}
