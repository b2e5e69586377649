package org.kepu.common.inbox;

import java.util.List;

import org.kepu.common.tracing.FactTrace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * The spans of facts being applied. Each fact's span is a child of the span that wrote the fact (its CloudEvent's
 * {@code traceparent}), so one trace runs from the request through the outbox and Kafka into every consumer's effect;
 * a fact without one starts a trace of its own.
 */
final class FactSpans {

    private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("kepu.consumer");
    // OpenTelemetry's semantic conventions for CloudEvents and messaging.
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private final Tracer tracer;

    FactSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.kepu.common.inbox");
    }

    /** Starts the span of applying one fact; the caller makes it current around the effect and ends it. */
    Span start(String consumer, FactEnvelope<?> fact) {
        return tracer.spanBuilder("apply " + (fact.type() == null ? "fact" : fact.type()))
                .setParent(FactTrace.parentOf(fact.traceparent(), fact.tracestate())).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(CONSUMER, consumer).setAttribute(EVENT_ID, fact.id())
                .setAttribute(EVENT_TYPE, fact.type()).setAttribute(OPERATION, "process").startSpan();
    }

    /**
     * Starts the span of one write that applies several facts at once. A span has one parent but the facts come from
     * as many traces, so it links to each fact's span instead (OpenTelemetry's rule for batch processing), within the
     * trace of whatever is current (the poll, usually none).
     */
    Span startBatch(String consumer, List<Span> facts) {
        SpanBuilder batch = tracer.spanBuilder("apply batch " + consumer).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(CONSUMER, consumer).setAttribute(OPERATION, "process")
                .setAttribute(BATCH_SIZE, (long) facts.size());
        facts.forEach(fact -> batch.addLink(fact.getSpanContext()));
        return batch.startSpan();
    }

    /** Marks a span failed with what failed it; the caller still ends it. */
    static void failed(Span span, RuntimeException failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }
}
