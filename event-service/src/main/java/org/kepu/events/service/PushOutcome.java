package org.kepu.events.service;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.problem.Problem;

/**
 * What a push did, item by item in the order sent, with a summary.
 *
 * @param summary how many items ended each way
 */
@Schema(name = "PartnerPushOutcome")
public record PushOutcome(Summary summary, List<Item> items) {

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

    /** Counts by result. */
    public record Summary(int received, int created, int updated, int unchanged, int withdrawn, int rejected) {
    }

    /**
     * One item's outcome, by its place in the request.
     *
     * @param id the event's id in Kepu; null when rejected before one existed
     * @param version the event's version after the push; null when rejected or removed
     * @param problem why it was refused; null unless REJECTED
     */
    public record Item(int index, String externalId, Result result, UUID id, Long version, Problem problem) {
    }

    public static PushOutcome of(List<Item> items) {
        int[] counts = new int[Result.values().length];
        items.forEach(item -> counts[item.result().ordinal()]++);
        return new PushOutcome(new Summary(items.size(), counts[0], counts[1], counts[2], counts[3], counts[4]), items);
    }

    public boolean anyRejected() {
        return summary.rejected() > 0;
    }
}
