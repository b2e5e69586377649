package org.kepu.common.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the request id the gateway sends ({@code X-Request-Id}) into the log context, so every line a request causes in
 * a service — its access line, a warning, the stack trace of a 500 — names the id the gateway logged and the client
 * was given. The console format prints it as {@code %X{requestId}}.
 */
public class RequestIdLogging {

    /** The log context key. */
    public static final String KEY = "requestId";

    @ServerRequestFilter(preMatching = true)
    public void remember(ContainerRequestContext request) {
        String id = request.getHeaderString(RequestIds.HEADER);
        if (id != null && RequestIds.isSafe(id)) {
            MDC.put(KEY, id);
        }
    }

    @ServerResponseFilter
    public void forget() {
        // Quarkus keeps MDC per request context; removing it still matters on a thread that has none.
        MDC.remove(KEY);
    }
}
