package org.kepu.common.rest;

import jakarta.ws.rs.core.EntityTag;

import org.kepu.common.problem.ProblemException;

/** Entity tags from an aggregate's optimistic-lock version, and the If-Match rules every update follows. */
public final class ETags {

    private ETags() {
    }

    /** The strong ETag of a version. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an update's If-Match names: 428 when it is missing, 412 when it cannot be one of ours.
     */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " is not an ETag this resource ever had");
        }
    }
}
