package org.kepu.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/** The last resort: anything unforeseen is logged and answered with a 500 problem that leaks no internals. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        LOG.error("Unexpected error while serving a request", exception);
        return Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; the request id in X-Request-Id helps us find it", null).toResponse();
    }
}
