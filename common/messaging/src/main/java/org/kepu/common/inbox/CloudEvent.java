package org.kepu.common.inbox;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 message in structured JSON mode, as read by consumers; {@code data} stays a tree so that each
 * consumer binds only the fields it needs (changes to a fact are additive).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(String specversion, String id, String source, String type, String subject,
        OffsetDateTime time, JsonNode data) {
}
