package org.kepu.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The services' AsyncAPI documents side by side in one, shared parts once, missing services named. */
class AsyncApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode service(String name, String topic, String type) throws Exception {
        return JSON.readTree("""
                {"asyncapi":"3.0.0","defaultContentType":"application/cloudevents+json",
                 "info":{"title":"%1$s","tags":[{"name":"%1$s","description":"its facts"}]},
                 "servers":{"kafka":{"host":"{bootstrap}","protocol":"kafka"}},
                 "channels":{"%2$s":{"address":"%2$s"},"kepu.dead-letters":{"address":"kepu.dead-letters"}},
                 "operations":{"%1$s.sends.%2$s":{"action":"send"},"%1$s.sends.kepu.dead-letters":{"action":"send"}},
                 "components":{"messages":{"%3$s":{"name":"%3$s"},"kepu.dead-letter":{"name":"kepu.dead-letter"}},
                   "schemas":{"CloudEvent":{"type":"object"}}}}
                """.formatted(name, topic, type));
    }

    @Test
    void everyServicesTopicsAreMergedAndSharedOnesKeptOnce() throws Exception {
        Map<String, JsonNode> byService = new LinkedHashMap<>();
        byService.put("venue-service", service("venue-service", "kepu.venues", "kepu.venue.registered"));
        byService.put("event-service", service("event-service", "kepu.events", "kepu.event.published"));
        byService.put("stopped", null);
        byService.put("echo", JSON.readTree("{\"openapi\":\"3.1.0\"}"));

        ObjectNode merged = AsyncApiMerger.merge(JSON, byService);

        assertEquals(List.of("kepu.venues", "kepu.dead-letters", "kepu.events"), names(merged.path("channels")));
        assertEquals(List.of("venue-service.sends.kepu.venues", "venue-service.sends.kepu.dead-letters",
                "event-service.sends.kepu.events", "event-service.sends.kepu.dead-letters"),
                names(merged.path("operations")));
        assertEquals(List.of("kepu.venue.registered", "kepu.dead-letter", "kepu.event.published"),
                names(merged.at("/components/messages")));
        assertEquals(List.of("CloudEvent"), names(merged.at("/components/schemas")));
        assertEquals("[\"event-service\",\"venue-service\"]",
                merged.at("/info/tags").findValuesAsText("name").stream().map(n -> "\"" + n + "\"").toList()
                        .toString().replace(" ", ""));
        assertEquals("stopped,echo", merged.at("/info/x-kepu-missing-services").asText());
        assertEquals("kafka", merged.at("/servers/kafka/protocol").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
