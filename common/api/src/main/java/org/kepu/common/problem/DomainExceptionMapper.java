package org.kepu.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.kepu.common.rules.DomainException;

/** The one place where a domain rule's refusal becomes an HTTP problem. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return Problem.of(exception).toResponse();
    }
}
