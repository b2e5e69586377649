package org.kepu.events.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.problem.Problem;
import org.kepu.events.service.PushResult;
import org.kepu.events.service.PushResult.Result;

/**
 * What a push did, item by item in the order sent, with a summary.
 *
 * @param summary how many items ended each way
 */
@Schema(name = "PartnerPushOutcome")
public record PushOutcome(Summary summary, List<Item> items) {

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

        /** What the service's result says, a refusal as the problem the API shows. */
        static Item of(PushResult stored) {
            return new Item(stored.index(), stored.externalId(), stored.result(), stored.id(), stored.version(),
                    stored.refusal() == null ? null : Problem.of(stored.refusal()));
        }
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
