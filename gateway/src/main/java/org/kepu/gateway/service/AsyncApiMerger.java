package org.kepu.gateway.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One AsyncAPI document for every topic Kepu's services write: each service's own ({@code /q/asyncapi}) merged, its
 * channels, operations, messages and schemas side by side (the dead-letter topic, which several services write, once).
 * Cached for {@code kepu.gateway.openapi-cache-ttl}, as the merged OpenAPI document is ({@link ServiceDocuments}); a
 * service that cannot be reached is left out and named in the document.
 */
@ApplicationScoped
public class AsyncApiMerger {

    private static final Logger LOG = Logger.getLogger(AsyncApiMerger.class);

    /** The parts of a service's document that are maps of named things, merged name by name. */
    private static final List<String> NAMED_PARTS = List.of("/channels", "/operations", "/components/messages",
            "/components/schemas");

    private final ObjectMapper objectMapper;
    private final ServiceDocuments documents;

    public AsyncApiMerger(ObjectMapper objectMapper, ServiceDocuments documents) {
        this.objectMapper = objectMapper;
        this.documents = documents;
    }

    public ObjectNode merged() {
        return documents.merged("/q/asyncapi", byRoute -> {
            Map<String, JsonNode> byService = new LinkedHashMap<>();
            byRoute.forEach((route, document) -> byService.put(route.service(), document));
            return merge(objectMapper, byService);
        });
    }

    /** The services' documents as one; a null or non-AsyncAPI document names its service as missing. */
    static ObjectNode merge(ObjectMapper json, Map<String, JsonNode> byService) {
        ObjectNode document = json.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Kepu facts");
        info.put("version", "1.0");
        info.put("description", "Every fact Kepu's services write to Kafka, for the teams that consume them. Each is a "
                + "CloudEvents 1.0 event in structured JSON mode (the record's value is the whole event; its data the "
                + "aggregate after the change), keyed by the aggregate that orders it. Facts change additively: a "
                + "consumer ignores properties it does not know, and a breaking change is a new type.");
        info.putObject("contact").put("name", "Kepu maintainers").put("url", "https://kepu.org");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        Map<String, JsonNode> tags = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : byService.entrySet()) {
            JsonNode part = service.getValue();
            if (part == null || !part.path("asyncapi").asText().startsWith("3.")) {
                missing.add(service.getKey());
                continue;
            }
            if (!document.has("servers")) {
                document.put("defaultContentType", part.path("defaultContentType").asText());
                document.set("servers", part.path("servers"));
            }
            part.path("info").path("tags").forEach(tag -> tags.put(tag.path("name").asText(), tag));
            for (String named : NAMED_PARTS) {
                ObjectNode into = document.withObject(named);
                part.at(named).fields().forEachRemaining(entry -> {
                    JsonNode earlier = into.get(entry.getKey());
                    if (earlier != null && !earlier.equals(entry.getValue())) {
                        LOG.warnf("%s%s of %s differs from another service's; the first is kept", named,
                                entry.getKey(), service.getKey());
                        return;
                    }
                    into.set(entry.getKey(), entry.getValue());
                });
            }
        }
        info.putArray("tags").addAll(tags.values());
        if (!missing.isEmpty()) {
            info.put("x-kepu-missing-services", String.join(",", missing));
        }
        return document;
    }
}
