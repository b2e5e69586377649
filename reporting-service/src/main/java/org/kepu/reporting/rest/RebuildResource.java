package org.kepu.reporting.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.security.Roles;
import org.kepu.reporting.domain.Rebuild;
import org.kepu.reporting.service.ReadModelRebuilds;

/** Admins rebuild the read models from the whole history of facts, without a pause in reads. */
@Path("/api/v1/reports/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Rebuilding the read models")
public class RebuildResource {

    private final ReadModelRebuilds rebuilds;

    public RebuildResource(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createRebuild", summary = "Replay every fact topic into fresh read models and swap them in (admins)")
    @APIResponse(responseCode = "202", description = "Started; follow the Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rebuild.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running (rebuild-running), or a topic lost its"
            + " first facts and the rebuild would swap in smaller figures (rebuild-history-incomplete: the detail names"
            + " each topic, partition and the offset its history starts at)")
    public Response start(@QueryParam("acceptMissingHistory") @DefaultValue("false") @Parameter(description = "Rebuild"
            + " from what is left of topics that lost facts, knowing the figures will leave those facts out; the"
            + " rebuild lists them in missingHistory", example = "false") boolean acceptMissingHistory) {
        Rebuild rebuild = rebuilds.start(acceptMissingHistory);
        return Response.accepted(rebuild).location(URI.create("/api/v1/reports/rebuilds/" + rebuild.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getRebuild", summary = "How a rebuild is going: RUNNING, SWAPPED or FAILED, with the facts replayed")
    @APIResponse(responseCode = "200", description = "The rebuild", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rebuild.class)))
    @APIResponse(responseCode = "404", description = "Not a rebuild this replica ran last")
    public Rebuild get(@PathParam("id") UUID id) {
        return rebuilds.find(id).orElseThrow(() -> ProblemException.notFound("Rebuild", id));
    }
}
