package org.kepu.events.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What is left of a partner's draft once the partner withdrew it: the draft is removed, and its source (the partner's
 * external id) remembers the event it was and the content last pushed for it, so that a retried push meets the answer
 * the first one had instead of "does not exist".
 */
@Entity
@Table(name = "withdrawn_source")
public class WithdrawnSource {

    /** The removed event's id, which a retried push is answered with. */
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    /** The digest of the item last pushed for the event before it was withdrawn. */
    @Column(name = "push_digest")
    public String pushDigest;

    @Column(name = "withdrawn_at", nullable = false)
    public OffsetDateTime withdrawnAt;

    /** The memory a withdrawn pushed draft leaves; only a partner's event has a source to remember. */
    public static WithdrawnSource of(Event event) {
        if (event.partnerId == null) {
            throw new IllegalArgumentException("Event " + event.id + " was not pushed by a partner");
        }
        WithdrawnSource source = new WithdrawnSource();
        source.eventId = event.id;
        source.partnerId = event.partnerId;
        source.externalId = event.externalId;
        source.pushDigest = event.pushDigest;
        source.withdrawnAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return source;
    }

    /**
     * Whether content with this digest is what the source held when it was withdrawn: pushed again, it is a late
     * retry of what came before the withdrawal, not a new event.
     */
    public boolean held(String digest) {
        return digest.equals(pushDigest);
    }
}
