package org.kepu.common.problem;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpClosedException;

/**
 * The last resort: anything unforeseen is logged and answered with a 500 problem that leaks no internals. One failure
 * that is not a bug is told apart: every database connection stayed busy for the pool's whole acquisition timeout, so
 * the service is overloaded, not broken — a 503 with {@code Retry-After} tells clients and the gateway to come back.
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
        if (noConnectionFree(exception)) {
            LOG.warnf("No database connection came free in time: %s", exception);
            Response busy = Problem.of(503, "service-busy", "Service busy",
                    "Every database connection stayed busy while this request waited; retry after a second", null)
                    .toResponse();
            return Response.fromResponse(busy).header("Retry-After", "1").build();
        }
        LOG.error("Unexpected error while serving a request", exception);
        return Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; the request id in X-Request-Id helps us find it", null).toResponse();
    }

    /** Agroal's pool says so only in its message: a plain {@link SQLException} with no SQL state. */
    static boolean noConnectionFree(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
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
