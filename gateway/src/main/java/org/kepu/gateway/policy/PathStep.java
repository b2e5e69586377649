package org.kepu.gateway.policy;

import java.util.Optional;

import org.kepu.gateway.domain.RequestPath;

/**
 * The path is normalised once, here (dot-segments resolved, slashes merged); the steps after it route, authorise and
 * log that path, and it is what the service receives. A path a service might read differently (an encoded slash or
 * backslash, a NUL, a climb above the root) is refused with 400.
 */
public final class PathStep implements PolicyStep {

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        try {
            admission.path = RequestPath.normalise(head.rawPath());
            return Optional.empty();
        } catch (RequestPath.Refused refused) {
            admission.uriTemplate = Admission.INVALID_REQUEST;
            return Optional.of(Answer.problem(400, "invalid-path", "Invalid path", refused.getMessage()));
        }
    }
}
