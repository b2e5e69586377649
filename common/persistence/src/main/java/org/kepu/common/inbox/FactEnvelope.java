package org.kepu.common.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of a CloudEvent a consumer acts on, its id and its data, bound in one pass over the message (the rest of
 * the envelope is skipped, not built as a tree).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FactEnvelope<T>(String id, T data) {
}
