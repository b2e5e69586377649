package org.kepu.common.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of a CloudEvent a consumer acts on — its id, type, subject (the aggregate), data and the trace it was
 * written in (the
 * distributed-tracing extension's {@code traceparent} and {@code tracestate}) — bound in one pass over the message
 * (the rest of the envelope is skipped, not built as a tree).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FactEnvelope<T>(String id, String type, String subject, String traceparent, String tracestate, T data) {
}
