package org.kepu.gateway.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.kepu.gateway.config.GatewayConfig;

/**
 * Which browser origins may call the API (Fetch standard, CORS protocol). The gateway answers preflights itself, so
 * they never reach a service, and marks the answers to allowed origins; the browser enforces the rest. The header
 * values are joined once here, not per request.
 */
@Singleton
public class CorsPolicy {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final String maxAgeSeconds;

    public CorsPolicy(GatewayConfig config) {
        GatewayConfig.Cors cors = config.cors();
        this.origins = cors.origins().stream().map(String::trim).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.anyOrigin = origins.contains("*");
        this.allowMethods = join(cors.methods());
        this.allowHeaders = join(cors.headers());
        this.exposeHeaders = join(cors.exposedHeaders());
        this.maxAgeSeconds = Long.toString(cors.maxAge().toSeconds());
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
