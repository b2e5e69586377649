package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A replay of every fact topic into fresh read models, swapped in when it has caught up.
 *
 * @param state RUNNING, then SWAPPED (the rebuilt models serve reads) or FAILED (the live ones were left as they were)
 * @param factsApplied facts replayed so far (repeats the inbox skipped included)
 * @param factsSkipped facts that could not be read (the live consumers dead-lettered them too)
 * @param error why it failed; null unless FAILED
 */
public record Rebuild(UUID id, String state, OffsetDateTime startedAt, OffsetDateTime finishedAt, long factsApplied,
        long factsSkipped, String error) {

    public static Rebuild started() {
        return new Rebuild(UUID.randomUUID(), "RUNNING", OffsetDateTime.now(), null, 0, 0, null);
    }

    public Rebuild progress(long applied, long skipped) {
        return new Rebuild(id, state, startedAt, finishedAt, applied, skipped, error);
    }

    public Rebuild swapped() {
        return new Rebuild(id, "SWAPPED", startedAt, OffsetDateTime.now(), factsApplied, factsSkipped, null);
    }

    public Rebuild failed(String why) {
        return new Rebuild(id, "FAILED", startedAt, OffsetDateTime.now(), factsApplied, factsSkipped, why);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
