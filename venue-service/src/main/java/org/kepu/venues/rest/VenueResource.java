package org.kepu.venues.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.idempotency.IdempotentRequests;
import org.kepu.common.idempotency.IdempotentRequests.Created;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.rest.ConditionalGet;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.config.VenuesConfig;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueStatus;
import org.kepu.venues.domain.VenueSearch;
import org.kepu.venues.service.VenueDraft;
import org.kepu.venues.service.VenueService;

/** The venue directory: public discovery, registration by admins, upkeep by admins and each venue's managers. */
@Path("/api/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venues", description = "科普场馆: museums, education bases, e-stations and the places they run")
public class VenueResource {

    static final String ETAG = "The venue's version; send it in If-Match to change the venue, or If-None-Match to get 304";
    static final String IF_MATCH = "The ETag you last read";

    private final VenueService service;
    private final IdempotentRequests idempotentRequests;
    private final Caller caller;
    private final VenuesConfig config;
    private final VenueViewMapper views;

    public VenueResource(VenueService service, IdempotentRequests idempotentRequests, Caller caller,
            VenuesConfig config, VenueViewMapper views) {
        this.service = service;
        this.idempotentRequests = idempotentRequests;
        this.caller = caller;
        this.config = config;
        this.views = views;
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
    public Response register(@Valid @NotNull(message = "is required") VenueDraft draft,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Send the same key when retrying; the first answer is returned", example = "5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11") String idempotencyKey) {
        return idempotentRequests.create("POST /api/v1/venues|" + caller.subject().orElse(""), idempotencyKey,
                draft, () -> {
                    Venue venue = service.register(draft);
                    return new Created("/api/v1/venues/" + venue.id, ETags.of(venue.version).toString(),
                            views.toView(venue));
                });
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getVenue", summary = "Get one venue; a venue closed for good only for its managers and admins")
    @APIResponse(responseCode = "200", description = "The venue, with its ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such venue")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Venue venue = service.get(id, caller);
        return ConditionalGet.respond(request, ETags.of(venue.version), () -> Response.ok(views.toView(venue)));
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchVenues", summary = "Search venues", description = "Filters combine with AND; closed venues are never listed. "
            + "With lat and lon the nearest come first, each with its distanceKm; otherwise by name.")
    @APIResponse(responseCode = "200", description = "One page of venues", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenuePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filters, listed in errors")
    public Page<VenueView> search(@Valid @BeanParam VenueQuery query, @Valid @BeanParam PageRequest paging) {
        VenueSearch search = query.toSearch(config.defaultRadiusKm());
        return service.search(search, paging.page, paging.size).map(venue -> views.toView(venue, search.near()));
    }

    /** The shape of a search response in the OpenAPI document. */
    @Schema(name = "PageVenueView")
    record VenuePage(List<VenueView> items, @Schema(description = Page.SEARCH_TOTAL_DOC) long total,
            @Schema(description = Page.SEARCH_TOTAL_CAPPED_DOC) boolean totalCapped, int page, int size) {
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "updateVenue", summary = "Replace a venue's details (its admins and managers)")
    @APIResponse(responseCode = "200", description = "Updated, with the new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors")
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is required")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") VenueDraft draft,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch) {
        return ok(views.toView(service.update(id, IfMatch.required(ifMatch), draft, caller)));
    }

    /** A change of status, with the reason visitors read while it is closed. */
    @Schema(name = "VenueStatusChange")
    public record StatusChange(@NotNull(message = "is required") @Schema(example = "TEMPORARILY_CLOSED") VenueStatus status,
            @Size(max = 500, message = "must be at most 500 characters") @Schema(example = "展馆升级改造，暂停开放") String reason) {
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "changeVenueStatus", summary = "Open, close for a while (managers), or close for good (admins)")
    @APIResponse(responseCode = "200", description = "Changed, with the new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)))
    @APIResponse(responseCode = "400", description = "A closure without a reason")
    @APIResponse(responseCode = "403", description = "Not a manager of this venue, or closing for good without being an admin")
    public Response changeStatus(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") StatusChange change,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH + " (optional)") String ifMatch) {
        return ok(views.toView(
                service.changeStatus(id, IfMatch.optional(ifMatch), change.status(), change.reason(), caller)));
    }

    /** The venue's view with its ETag. */
    static Response ok(VenueView venue) {
        return Response.ok(venue).tag(ETags.of(venue.version())).build();
    }
}
