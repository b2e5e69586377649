package org.kepu.common.rest;

import java.util.LinkedHashSet;
import java.util.Set;

import org.kepu.common.problem.ProblemException;
import org.kepu.common.rules.ExpectedVersion;

/**
 * An update's If-Match precondition (RFC 9110 §13.1.1) over an aggregate's version: {@code *} means "any current
 * version", a list of tags means "one of these"; weak tags compare as strong ones, since our tags are versions.
 *
 * @param anyVersion true for {@code *}, or when no precondition was sent to a move that does not need one
 * @param versions the versions named, empty when {@code anyVersion}
 */
public record IfMatch(boolean anyVersion, Set<Long> versions) implements ExpectedVersion {

    /** No precondition. */
    public static final IfMatch ANY = new IfMatch(true, Set.of());

    /** For updates: 428 when the header is missing, 412 when it names nothing this resource could have had. */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        return parse(header);
    }

    /** For state moves: a missing header means no precondition. */
    public static IfMatch optional(String header) {
        return header == null || header.isBlank() ? ANY : parse(header);
    }

    private static IfMatch parse(String header) {
        if (header.trim().equals("*")) {
            return ANY;
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String tag : header.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            try {
                versions.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw ProblemException.preconditionFailed("If-Match " + header + " is not an ETag this resource ever had");
            }
        }
        return new IfMatch(false, Set.copyOf(versions));
    }

    /**
     * 412 unless the precondition holds for the aggregate's current version.
     *
     * @param what the aggregate and its id as a client would name them, e.g. "Event 3f…"
     */
    @Override
    public void requireMatches(long currentVersion, String what) {
        if (!anyVersion && !versions.contains(currentVersion)) {
            throw ProblemException.preconditionFailed(
                    what + " has changed since you read it (now version " + currentVersion + "); read it again");
        }
    }
}
