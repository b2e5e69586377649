package org.kepu.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kepu.gateway.service.OpenApiMerger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serves the merged OpenAPI document of the whole public API; Swagger UI at /q/swagger-ui reads it. */
@Path("/openapi.json")
public class OpenApiResource {

    private final OpenApiMerger merger;

    public OpenApiResource(OpenApiMerger merger) {
        this.merger = merger;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiDocument", summary = "The merged OpenAPI document of every Kepu service behind this gateway")
    public ObjectNode document() {
        return merger.merged();
    }
}
