package org.kepu.common.problem;

import java.util.List;

import org.kepu.common.problem.Problem.InvalidField;

/**
 * A failure that already knows the problem document the client should see; thrown by services and domain rules.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: one or more inputs are invalid. */
    public static ProblemException invalid(List<InvalidField> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ProblemException(Problem.of(400, "validation-failed", "Request is not valid", detail, errors));
    }

    /** 400: a single input is invalid. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new InvalidField(field, message)));
    }

    /** 404: the thing asked for does not exist (or the caller may not know it exists). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(
                Problem.of(404, "not-found", "Resource not found", what + " " + id + " does not exist", null));
    }

    /** 409: the request is well formed but conflicts with the resource's current state. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail, null));
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail, null));
    }

    /** 412: the If-Match precondition does not hold any more. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "precondition-failed", "Resource has changed", detail, null));
    }

    /** 428: an update came without If-Match. */
    public static ProblemException preconditionRequired() {
        return new ProblemException(Problem.of(428, "precondition-required", "If-Match required",
                "Send the ETag you last read in If-Match, so that concurrent changes are not lost", null));
    }

    /** 422: the request cannot be processed as sent, for example an Idempotency-Key reused with another body. */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(422, slug, title, detail, null));
    }
}
