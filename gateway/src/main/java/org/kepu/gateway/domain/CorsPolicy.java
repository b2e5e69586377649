package org.kepu.gateway.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call the API (Fetch standard, CORS protocol). The gateway answers preflights itself, so
 * they never reach a service, and marks the answers to allowed origins; the browser enforces the rest. The header
 * values are joined once here, not per request.
 */
public final class CorsPolicy {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final String maxAgeSeconds;

    /**
     * @param origins pages' origins allowed exactly as browsers send them, or {@code *} for any
     * @param methods methods a preflight may ask for
     * @param headers request headers a preflight may ask for
     * @param exposedHeaders response headers a page's script may read beyond the CORS-safelisted ones
     * @param maxAge how long a browser may reuse a preflight's answer
     */
    public CorsPolicy(List<String> origins, List<String> methods, List<String> headers, List<String> exposedHeaders,
            Duration maxAge) {
        this.origins = origins.stream().map(String::trim).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.anyOrigin = origins.contains("*");
        this.allowMethods = join(methods);
        this.allowHeaders = join(headers);
        this.exposeHeaders = join(exposedHeaders);
        this.maxAgeSeconds = Long.toString(maxAge.toSeconds());
    }

    /** Whether a page served from this origin may read the API's answers. */
    public boolean allowsOrigin(String origin) {
        return anyOrigin || origins.contains(origin);
    }

    /** A preflight is a browser asking, before a cross-origin call, whether it may make it. */
    public static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
    }

    public String allowMethods() {
        return allowMethods;
    }

    public String allowHeaders() {
        return allowHeaders;
    }

    public String exposeHeaders() {
        return exposeHeaders;
    }

    public String maxAgeSeconds() {
        return maxAgeSeconds;
    }

    private static String join(List<String> values) {
        return values.stream().map(String::trim).filter(value -> !value.isEmpty()).collect(Collectors.joining(","));
    }
}
