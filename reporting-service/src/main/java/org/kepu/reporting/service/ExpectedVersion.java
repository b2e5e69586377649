package org.kepu.reporting.service;

/**
 * The version of an aggregate a writer last read, as a use case sees it. The web layer makes one from If-Match and
 * answers a mismatch as HTTP does (412, or 428 where a revision came without one); services know no HTTP.
 */
@FunctionalInterface
public interface ExpectedVersion {

    /**
     * Refuses the change unless the writer expected {@code currentVersion}.
     *
     * @param what the aggregate and its id as a client would name them, e.g. "Plan 3f…"
     */
    void requireMatches(long currentVersion, String what);
}
