package org.kepu.common.rules;

/**
 * The version of an aggregate a writer last read, as a use case sees it: the web layer makes one from If-Match
 * ({@code org.kepu.common.rest.IfMatch}) and answers a mismatch as HTTP does, so services know no HTTP.
 */
@FunctionalInterface
public interface ExpectedVersion {

    /** Any current version: the writer does not care which (a change made on the caller's behalf, say). */
    ExpectedVersion ANY = (currentVersion, what) -> {
    };

    /**
     * Refuses the change unless the writer expected {@code currentVersion}.
     *
     * @param what the aggregate and its id as a client would name them, e.g. "Event 3f…"
     */
    void requireMatches(long currentVersion, String what);
}
