package org.kepu.common.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Authentication and authorization failures in the problem shape, with the RFC 6750 challenge on 401. */
public final class SecurityProblemMappers {

    private SecurityProblemMappers() {
    }

    static Response unauthorized(String challenge, String detail) {
        return Response.fromResponse(Problem.of(401, "unauthorized", "Authentication required", detail, null).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    /** No token where one is needed. */
    @Provider
    public static class Unauthorized implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException exception) {
            return unauthorized("Bearer realm=\"kepu\"", "This request needs a bearer token");
        }
    }

    /** A token that is malformed, badly signed, expired, or for another issuer or audience. */
    @Provider
    public static class AuthenticationFailed implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException exception) {
            return unauthorized("Bearer realm=\"kepu\", error=\"invalid_token\"",
                    "The bearer token is not valid (signature, issuer, audience or expiry)");
        }
    }

    /** A valid token whose roles do not allow the request. */
    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException exception) {
            return Problem.of(403, "forbidden", "Not allowed", "Your roles do not allow this request", null).toResponse();
        }
    }
}
