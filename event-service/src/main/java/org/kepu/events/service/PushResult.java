package org.kepu.events.service;

import java.util.UUID;

import org.kepu.common.rules.DomainException;

/**
 * What storing one pushed item did, by its place in the push.
 *
 * @param id the event's id in Kepu; null when refused before one existed
 * @param version the event's version after the push; null when refused or removed
 * @param refusal why a rule refused it; null unless REJECTED
 */
public record PushResult(int index, String externalId, Result result, UUID id, Long version, DomainException refusal) {

    /** What happened to one item. */
    public enum Result {
        /** A new event. */
        CREATED,
        /** An event changed, a new version. */
        UPDATED,
        /** The same content as stored: no new version, no new fact. */
        UNCHANGED,
        /** Withdrawn: a published event cancelled, or a draft removed. */
        WITHDRAWN,
        /** Refused; {@code problem} says why, naming the fields. */
        REJECTED
    }

    /** An item a rule refused. */
    public static PushResult rejected(int index, String externalId, DomainException refusal) {
        return new PushResult(index, externalId, Result.REJECTED, null, null, refusal);
    }
}
