package org.kepu.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kepu.gateway.service.AsyncApiMerger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serves the merged AsyncAPI document of every topic Kepu writes, next to the merged OpenAPI one. */
@Path("/asyncapi.json")
public class AsyncApiResource {

    private final AsyncApiMerger merger;

    public AsyncApiResource(AsyncApiMerger merger) {
        this.merger = merger;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAsyncApiDocument", summary = "The merged AsyncAPI document of every fact Kepu's services write to Kafka")
    public ObjectNode document() {
        return merger.merged();
    }
}
