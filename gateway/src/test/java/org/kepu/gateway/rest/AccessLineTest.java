package org.kepu.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AccessLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static AccessLine line(String path, String client) {
        return new AccessLine("GET", path, 200, 12, "r-1", TRACE, client, "127.0.0.1");
    }

    @Test
    void theTextLineNamesTheTraceNextToTheRequestId() {
        assertEquals("GET /api/v1/events 200 1.2ms request=r-1 trace=" + TRACE + " client=anonymous from=127.0.0.1",
                line("/api/v1/events", "anonymous").text());
    }

    @Test
    void theJsonLineHasTheSameFieldsInTheSameOrder() throws Exception {
        JsonNode fields = JSON.readTree("{" + line("/api/v1/events", "partner:gz-kx").jsonFields() + "}");
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("method", "path", "status", "durationMs", "requestId", "traceId", "client", "from"), names);
        assertEquals(200, fields.get("status").intValue());
        assertEquals(1.2, fields.get("durationMs").doubleValue());
        assertEquals(TRACE, fields.get("traceId").textValue());
        assertEquals("partner:gz-kx", fields.get("client").textValue());
    }

    /** A path or a token's subject can hold anything; the line stays one JSON object and says it exactly. */
    @Property(tries = 300, seed = "38")
    void anyTextIsWrittenAsAJsonStringThatReadsBackTheSame(@ForAll String path, @ForAll String client)
            throws Exception {
        String text = "{" + line(path, client).jsonFields() + "}";
        JsonNode fields = JSON.readTree(text);
        assertEquals(path, fields.get("path").textValue());
        assertEquals(client, fields.get("client").textValue());
        assertEquals(1, text.lines().count(), "one line");
    }
}
