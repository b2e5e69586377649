package org.kepu.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpClosedException;

/**
 * The last resort: anything unforeseen is logged and answered with a 500 problem that leaks no internals. Database
 * failures that are not bugs are told apart ({@link DatabaseUnavailability}): every connection stayed busy for the
 * pool's whole acquisition timeout, or the database refused or dropped a connection — the service is overloaded or cut
 * off, not broken, and a 503 with {@code Retry-After} tells clients and the gateway to come back.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        if (clientWentAway(exception)) {
            // Nobody will read this answer, and nothing is wrong on our side: no error in the log, no 500 in metrics.
            LOG.debugf("The client closed the connection before its request arrived: %s", exception);
            return Problem.of(400, "request-incomplete", "Request incomplete",
                    "The connection closed before the whole request arrived", null).toResponse();
        }
        var unavailable = DatabaseUnavailability.of(exception);
        if (unavailable.isPresent()) {
            LOG.warnf("The database could not serve this request (%s): %s", unavailable.get(), exception);
            return Response.fromResponse(unavailable.get().problem().toResponse())
                    .header("Retry-After", String.valueOf(unavailable.get().retryAfterSeconds())).build();
        }
        LOG.error("Unexpected error while serving a request", exception);
        return Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; the request id in X-Request-Id helps us find it", null).toResponse();
    }

    private static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }
}
