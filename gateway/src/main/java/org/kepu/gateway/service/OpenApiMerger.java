package org.kepu.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.gateway.domain.Route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI document for the whole public API: each service's paths under its routed prefixes, their schemas, and
 * the bearer security scheme. Cached briefly; a service that cannot be reached is left out and named in the document.
 */
@ApplicationScoped
public class OpenApiMerger {

    private final ObjectMapper objectMapper;
    private final ServiceDocuments documents;

    public OpenApiMerger(ObjectMapper objectMapper, ServiceDocuments documents) {
        this.objectMapper = objectMapper;
        this.documents = documents;
    }

    public ObjectNode merged() {
        return documents.merged("/q/openapi?format=json", this::merge);
    }

    private ObjectNode merge(Map<Route, JsonNode> byRoute) {
        ObjectNode document = objectMapper.createObjectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Kepu API");
        info.put("version", "1.0");
        info.put("description", "Science outreach in Guangdong: events, venues and reports, through one gateway. "
                + "Reads of public data, registering for an event and managing one's registration are anonymous; "
                + "everything else needs a bearer JWT.");
        info.putObject("contact").put("name", "Kepu maintainers").put("url", "https://kepu.org");
        info.putObject("license").put("name", "Apache-2.0").put("identifier", "Apache-2.0");
        document.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        ObjectNode paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http")
                .put("scheme", "bearer").put("bearerFormat", "JWT");
        ArrayNode tags = document.putArray("tags");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Route, JsonNode> fetched : byRoute.entrySet()) {
            Route route = fetched.getKey();
            JsonNode service = fetched.getValue();
            if (service == null) {
                missing.add(route.service());
                continue;
            }
            service.path("paths").fields().forEachRemaining(path -> {
                if (route.owns(path.getKey())) {
                    path.getValue().forEach(OpenApiMerger::rolesAsExtension);
                    paths.set(path.getKey(), path.getValue());
                }
            });
            service.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
            service.path("tags").forEach(tags::add);
        }
        if (!missing.isEmpty()) {
            info.put("x-kepu-missing-services", String.join(",", missing));
        }
        return document;
    }

    /**
     * Services list the roles an operation allows as bearer "scopes"; for an HTTP bearer scheme OpenAPI allows no
     * scopes, so the roles move to {@code x-kepu-roles} and the requirement becomes a plain bearer one.
     */
    private static void rolesAsExtension(JsonNode operation) {
        if (!(operation instanceof ObjectNode op) || !op.path("security").isArray()) {
            return;
        }
        ArrayNode roles = op.putArray("x-kepu-roles");
        for (JsonNode requirement : op.path("security")) {
            if (requirement instanceof ObjectNode req) {
                req.fields().forEachRemaining(scheme -> {
                    scheme.getValue().forEach(roles::add);
                    req.putArray(scheme.getKey());
                });
            }
        }
        if (roles.isEmpty()) {
            op.remove("x-kepu-roles");
        }
    }
}
