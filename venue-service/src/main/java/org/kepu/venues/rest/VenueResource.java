package org.kepu.venues.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.idempotency.IdempotentRequests;
import org.kepu.common.idempotency.IdempotentRequests.Created;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.rest.ETags;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.service.VenueRegistration;
import org.kepu.venues.service.VenueService;

/** The venue directory: public discovery, and registration by admins. */
@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venues")
public class VenueResource {

    static final String ETAG = "The venue's version; send it in If-Match to change the venue";

    private final VenueService service;
    private final IdempotentRequests idempotentRequests;
    private final Caller caller;

    public VenueResource(VenueService service, IdempotentRequests idempotentRequests, Caller caller) {
        this.service = service;
        this.idempotentRequests = idempotentRequests;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerVenue", summary = "Register a venue")
    @APIResponse(responseCode = "201", description = "Registered; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)), headers = {
            @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Location", description = "The new venue's URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))})
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors")
    @APIResponse(responseCode = "409", description = "This Idempotency-Key is still being processed")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response register(@Valid @NotNull(message = "is required") VenueRegistration registration,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Send the same key when retrying; the first answer is returned", example = "5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11") String idempotencyKey) {
        return idempotentRequests.create("POST /api/v1/venues|" + caller.subject().orElse(""), idempotencyKey,
                registration, () -> {
                    var venue = service.register(registration);
                    return new Created("/api/v1/venues/" + venue.id, ETags.of(venue.version).toString(),
                            VenueView.from(venue));
                });
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getVenue", summary = "Get one venue")
    @APIResponse(responseCode = "200", description = "The venue, with its ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such venue")
    public Response get(@PathParam("id") UUID id) {
        var venue = service.get(id);
        return Response.ok(VenueView.from(venue)).tag(ETags.of(venue.version)).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchVenues", summary = "Search venues by division and kind")
    public Page<VenueView> search(
            @QueryParam("divisionCode") @GuangdongDivision @Parameter(description = "GB/T 2260 code at any level", example = "440100") String divisionCode,
            @QueryParam("kind") VenueKind kind,
            @Valid @BeanParam PageRequest paging) {
        return service.search(divisionCode, kind, paging.page, paging.size).map(VenueView::from);
    }
}
