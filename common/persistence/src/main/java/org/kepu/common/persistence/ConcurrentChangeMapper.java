package org.kepu.common.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.kepu.common.problem.Problem;
import org.kepu.common.problem.ProblemException;

/**
 * Two writers changed one aggregate at once and this request lost the race at the database's optimistic lock. The
 * data is right (exactly one change won); the loser is told why instead of getting a 500: a request that carried an
 * If-Match naming a version gets 412 — its precondition no longer holds — and any other gets 409, since the state it
 * acted on has moved under it.
 */
@Provider
public class ConcurrentChangeMapper implements ExceptionMapper<OptimisticLockException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(OptimisticLockException exception) {
        String ifMatch = headers == null ? null : headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
            return ProblemException.preconditionFailed("Another request changed this resource while yours ran; "
                    + "read it again for its new ETag").problem().toResponse();
        }
        return Problem.of(409, "concurrent-change", "Changed by another request",
                "Another request changed this resource while yours ran; read it again and retry if your change "
                        + "still applies",
                null).toResponse();
    }
}
