package org.kepu.common.tracing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The trace a fact was written in, carried inside its CloudEvent as the attributes of CloudEvents' distributed-tracing
 * extension ({@code traceparent}, {@code tracestate}, W3C Trace Context), so that whoever applies the fact, now or at
 * a rebuild, continues the request that caused it. The attributes live in the stored event itself, not in a column or
 * only in a Kafka header: the outbox row, the Kafka record and a replayed record all carry them.
 */
public final class FactTrace {

    /** The extension attribute (and Kafka header) naming the trace and the span a fact was written in. */
    public static final String TRACEPARENT = "traceparent";
    /** The extension attribute with vendors' trace state, written only when there is some. */
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final JsonFactory JSON = new JsonFactory();

    private static final TextMapGetter<Map<String, String>> ATTRIBUTES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private FactTrace() {
    }

    /** Adds the current trace's attributes to a CloudEvent being written; outside a trace it adds nothing. */
    public static void writeCurrent(Map<String, Object> cloudEvent) {
        W3C.inject(Context.current(), cloudEvent, (event, name, value) -> event.put(name, value));
    }

    /**
     * The context that applying a fact continues: the trace its attributes name, or the root context (a new trace)
     * when it has none or they are malformed — a fact is applied whatever its attributes say.
     */
    public static Context parentOf(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> attributes = new HashMap<>(2);
        attributes.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            attributes.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), attributes, ATTRIBUTES);
    }

    /**
     * The {@code traceparent} attribute of a structured-mode CloudEvent, or null when it has none or is not a JSON
     * object. Reads the top level only, skipping the data unbuilt; the outbox writes the attribute before the data, so
     * the relay finds it without reading the rest.
     */
    public static String traceparentIn(String cloudEvent) {
        try (JsonParser parser = JSON.createParser(cloudEvent)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (TRACEPARENT.equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // not JSON: the relay publishes it as it is, without a trace header
        }
    }
}
