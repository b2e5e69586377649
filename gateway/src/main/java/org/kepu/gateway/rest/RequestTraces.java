package org.kepu.gateway.rest;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.http.HttpServerRequest;

/**
 * The gateway's span of each API request, where a trace begins: it continues the caller's W3C {@code traceparent}
 * when one is sent and well-formed, or starts a new trace. The relay forwards its context to the service
 * ({@code UpstreamProxy}), and the access line names its trace id, so one id leads from the access line through the
 * service's log, its outbox and Kafka into every consumer's lines.
 * <p>
 * Made here rather than by Quarkus' Vert.x instrumentation, which the gateway's own listener turns off
 * ({@code PublicListener}): its span would be named without the route, and it reads a request through the generic
 * instrumenter's extractors, where this is a handful of calls.
 */
@Singleton
public class RequestTraces {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public RequestTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.kepu.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Starts the request's span, as a child of the caller's {@code traceparent} if it sent a valid one. */
    Span start(HttpServerRequest request) {
        String method = request.method().name();
        return tracer.spanBuilder(method).setParent(propagator.extract(Context.root(), request, HEADERS))
                .setSpanKind(SpanKind.SERVER).setAttribute(METHOD, method).startSpan();
    }

    /**
     * Ends the request's span, named after its route's template ({@code GET /api/v1/events/*}), never the raw path,
     * so that spans group by route as the metrics do; an answer of 5xx marks it failed.
     */
    static void end(Span span, String method, String route, int status) {
        span.updateName(method + " " + route);
        span.setAttribute(ROUTE, route);
        span.setAttribute(STATUS, (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
