package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A replay of every fact topic into fresh read models, swapped in when it has caught up.
 *
 * @param state RUNNING, then SWAPPED (the rebuilt models serve reads) or FAILED (the live ones were left as they were)
 * @param factsApplied facts replayed so far (repeats the inbox skipped included)
 * @param factsSkipped facts that could not be read (the live consumers dead-lettered them too)
 * @param error why it failed; null unless FAILED
 * @param missingHistory the partitions whose lost facts the admin accepted (acceptMissingHistory): the rebuilt
 *        figures leave those facts out; empty for a rebuild from the whole history
 */
public record Rebuild(UUID id, String state, OffsetDateTime startedAt, OffsetDateTime finishedAt, long factsApplied,
        long factsSkipped, String error, List<HistoryGap> missingHistory) {

    public Rebuild {
        missingHistory = List.copyOf(missingHistory);
    }

    /** A rebuild that has just begun; {@code missingHistory} empty unless the admin accepted lost facts. */
    public static Rebuild started(List<HistoryGap> missingHistory) {
        return new Rebuild(UUID.randomUUID(), "RUNNING", OffsetDateTime.now(), null, 0, 0, null, missingHistory);
    }

    public Rebuild progress(long applied, long skipped) {
        return new Rebuild(id, state, startedAt, finishedAt, applied, skipped, error, missingHistory);
    }

    public Rebuild swapped() {
        return new Rebuild(id, "SWAPPED", startedAt, OffsetDateTime.now(), factsApplied, factsSkipped, null,
                missingHistory);
    }

    public Rebuild failed(String why) {
        return new Rebuild(id, "FAILED", startedAt, OffsetDateTime.now(), factsApplied, factsSkipped, why,
                missingHistory);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
