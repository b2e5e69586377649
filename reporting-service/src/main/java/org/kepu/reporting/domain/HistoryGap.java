package org.kepu.reporting.domain;

import java.util.List;
import java.util.stream.Collectors;

import org.kepu.common.rules.DomainException;

/**
 * A partition of a fact topic that no longer holds its first fact: its history starts at {@code startsAt} because the
 * facts before it were deleted (a finite retention, or deleted records). A replay of it counts only what is left.
 *
 * @param topic the topic, e.g. {@code kepu.venues}
 * @param partition the partition
 * @param startsAt the partition's first offset still held (its log start offset); every fact before it is gone
 */
public record HistoryGap(String topic, int partition, long startsAt) {

    /** The slug of the refusal a rebuild meets when a topic has lost history. */
    public static final String INCOMPLETE = "rebuild-history-incomplete";

    /**
     * Refuses a rebuild over topics that lost facts, unless the caller knowingly accepts the loss: a rebuild swaps its
     * tables in, so it would replace the live figures, which counted those facts, with smaller ones.
     */
    public static void requireFullHistory(List<HistoryGap> gaps, boolean accepted) {
        if (gaps.isEmpty() || accepted) {
            return;
        }
        String where = gaps.stream().map(HistoryGap::describe).collect(Collectors.joining("; "));
        throw DomainException.conflict(INCOMPLETE, "Fact history is incomplete",
                "A rebuild would count only the facts still on the topics and swap in smaller figures than the live"
                        + " ones: " + where + ". Keep these topics' history (retention.ms=-1; reporting-service's"
                        + " README) and rebuild after restoring it, or, to rebuild from what is left knowingly, send"
                        + " acceptMissingHistory=true.");
    }

    /** E.g. {@code kepu.venues partition 0 starts at offset 1200 (facts 0–1199 are gone)}. */
    public String describe() {
        return topic + " partition " + partition + " starts at offset " + startsAt + " (facts 0–" + (startsAt - 1)
                + " are gone)";
    }
}
