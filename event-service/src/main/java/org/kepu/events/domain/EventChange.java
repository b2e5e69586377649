package org.kepu.events.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of a public event as the change feed tells it, at its place in commit order.
 *
 * @param position the change's place in the feed; later changes have higher positions
 * @param change what happened, the fact type's last word ({@code published}, {@code updated}, …)
 * @param version the event's version after the change
 */
public record EventChange(long position, UUID eventId, String change, long version, OffsetDateTime changedAt) {
}
