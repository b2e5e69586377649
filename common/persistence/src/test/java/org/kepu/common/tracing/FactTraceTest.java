package org.kepu.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

class FactTraceTest {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theCurrentSpanIsWrittenAsTraceparentAndReadBackAsTheParent() {
        Span span = SdkTracerProvider.builder().build().get("test").spanBuilder("request").startSpan();
        Map<String, Object> event = new LinkedHashMap<>();
        try (Scope current = span.makeCurrent()) {
            FactTrace.writeCurrent(event);
        } finally {
            span.end();
        }
        SpanContext written = span.getSpanContext();
        assertEquals("00-" + written.getTraceId() + "-" + written.getSpanId() + "-01", event.get("traceparent"));
        assertFalse(event.containsKey("tracestate"), "no trace state, no attribute");

        SpanContext parent = Span.fromContext(FactTrace.parentOf((String) event.get("traceparent"), null))
                .getSpanContext();
        assertEquals(written.getTraceId(), parent.getTraceId());
        assertEquals(written.getSpanId(), parent.getSpanId());
        assertTrue(parent.isRemote());
    }

    @Test
    void outsideATraceNothingIsWritten() {
        Map<String, Object> event = new LinkedHashMap<>();
        FactTrace.writeCurrent(event);
        assertEquals(Map.of(), event);
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTrace() {
        for (String traceparent : new String[]{null, "", "00-xyz", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
            Context parent = FactTrace.parentOf(traceparent, null);
            assertFalse(Span.fromContext(parent).getSpanContext().isValid(), String.valueOf(traceparent));
        }
    }

    @Test
    void theTraceStateTravelsWithItsParent() {
        SpanContext parent = Span.fromContext(FactTrace.parentOf(PARENT, "kepu=1,other=x")).getSpanContext();
        assertEquals("1", parent.getTraceState().get("kepu"));
        assertEquals("x", parent.getTraceState().get("other"));
    }

    @Test
    void theRelayFindsTheAttributeAtTheTopLevelOnly() {
        assertEquals(PARENT, FactTrace.traceparentIn("""
                {"specversion":"1.0","id":"m-1","traceparent":"%s","data":{"a":1}}""".formatted(PARENT)));
        assertEquals(PARENT, FactTrace.traceparentIn("""
                {"id":"m-1","data":{"traceparent":"inside","list":[{"traceparent":"deeper"}]},"traceparent":"%s"}"""
                .formatted(PARENT)), "one written after the data is found too");
        assertNull(FactTrace.traceparentIn("""
                {"id":"m-1","data":{"traceparent":"%s"}}""".formatted(PARENT)), "the data's own field is not the event's");
        assertNull(FactTrace.traceparentIn("{\"id\":\"m-1\",\"traceparent\":7}"));
        assertNull(FactTrace.traceparentIn("not json"));
        assertNull(FactTrace.traceparentIn("[\"traceparent\"]"));
        assertNull(FactTrace.traceparentIn("{\"id\":\"m-1\",\"data\":{\"broken"));
    }
}
