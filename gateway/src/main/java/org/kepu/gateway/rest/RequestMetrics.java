package org.kepu.gateway.rest;

import org.kepu.gateway.transport.InFlightRequests;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;

/**
 * The API's request timers, under the names and tags Quarkus gives its own ({@code http_server_requests_seconds}
 * with method, uri, status, outcome), so dashboards read the gateway like any service. The uri is the route's
 * template, never the raw path: one series per event id would grow without bound.
 * <p>
 * Quarkus' generic HTTP binders are off in the gateway (application.properties): they look every meter up by its
 * tags on each request, and count the bytes of every socket read and write (what that cost: bench/gateway/README.md).
 * Here each series' timer is looked up once and kept. Beside them, {@code kepu_gateway_requests_in_flight}: the API
 * requests under way, which a drain on shutdown waits for.
 */
@Singleton
class RequestMetrics {

    /**
     * Methods named as they are; any other is counted as UNKNOWN, as clients may send any token as a method and every
     * one would make a series.
     */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    private record Series(String method, String uri, int status) {
    }

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, InFlightRequests inFlight) {
        this.registry = registry;
        // Read at each scrape, never per request: what Envoy calls downstream_rq_active.
        Gauge.builder("kepu.gateway.requests.in.flight", inFlight, InFlightRequests::count)
                .description("API requests the gateway is working on").register(registry);
    }

    void record(String method, String uriTemplate, int status, long nanos) {
        String knownMethod = KNOWN_METHODS.contains(method) ? method : "UNKNOWN";
        timers.computeIfAbsent(new Series(knownMethod, uriTemplate, status), this::register).record(nanos,
                TimeUnit.NANOSECONDS);
    }

    private Timer register(Series series) {
        return Timer.builder("http.server.requests").description("HTTP server request processing time")
                .tag("method", series.method()).tag("uri", series.uri())
                .tag("status", Integer.toString(series.status()))
                .tag("outcome", Outcome.forStatus(series.status()).name()).register(registry);
    }
}
