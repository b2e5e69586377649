package org.kepu.common.asyncapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kepu.common.outbox.OutboxConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the service's AsyncAPI document next to its OpenAPI one ({@code /q/openapi}), made once from its
 * {@link FactCatalogue}; the gateway merges every service's into {@code /asyncapi.json}.
 */
@Path("/q/asyncapi")
public class AsyncApiResource {

    private final ObjectNode document;

    public AsyncApiResource(FactCatalogue catalogue, ObjectMapper json, OutboxConfig outbox,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.document = new AsyncApiDocument(json).of(service, outbox.source(), catalogue);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // the API's document does not list the documents about it
    public ObjectNode document() {
        return document;
    }
}
