package org.kepu.gateway.policy;

import java.util.Optional;

import org.kepu.gateway.domain.RequestPath;

/**
 * The path is normalised once, here (dot-segments resolved, slashes merged); the steps after it route, authorise and
 * log that path, and it is what the service receives. A path a service might read differently (a slash or backslash
 * encoded once or more, a NUL, a dot-segment hidden by double encoding or ';' parameters: {@link RequestPath}) is
 * refused with 400, wherever in the path it stands. A climb above the root stops there, as RFC 3986 has it; where
 * it leaves every route's prefix, the route step answers 404.
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
