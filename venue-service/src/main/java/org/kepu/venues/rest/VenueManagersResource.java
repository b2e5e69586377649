package org.kepu.venues.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.service.VenueService;

/**
 * Who manages a venue: admins assign venue managers by their token subject (an issuer may also scope a manager with
 * the token's {@code venues} claim). Readable by admins and the venue's managers only.
 */
@Path("/api/v1/venues/{id}/managers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venues")
public class VenueManagersResource {

    private final VenueService service;
    private final Caller caller;

    public VenueManagersResource(VenueService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The managers an admin assigned. */
    @Schema(name = "VenueManagers")
    public record Managers(UUID venueId, List<Assignment> managers, long version) {
    }

    /** One assignment. */
    @Schema(name = "VenueManagerAssignment")
    public record Assignment(String subject, OffsetDateTime assignedAt, String assignedBy) {
    }

    /** The complete list of managers to keep. */
    @Schema(name = "VenueManagerList")
    public record ManagerList(
            @NotNull(message = "is required") @Size(max = 50, message = "must list at most 50 managers") @Schema(example = "[\"manager-gdsc-01\"]") List<@NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String> subjects) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "listVenueManagers", summary = "The venue's assigned managers")
    @APIResponse(responseCode = "200", description = "Assigned managers", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Managers.class)))
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    public Managers list(@PathParam("id") UUID id) {
        Venue venue = service.get(id, caller);
        venue.requireManagedBy(caller);
        return view(venue);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "assignVenueManagers", summary = "Set the venue's managers (admins)")
    @APIResponse(responseCode = "200", description = "The managers now assigned, with the venue's new ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Managers.class)))
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") ManagerList list,
            @HeaderParam("If-Match") @Parameter(description = VenueResource.IF_MATCH + " (optional)") String ifMatch) {
        Venue venue = service.assignManagers(id, IfMatch.optional(ifMatch), list.subjects(), caller);
        return Response.ok(view(venue)).tag(ETags.of(venue.version)).build();
    }

    private static Managers view(Venue venue) {
        return new Managers(venue.id, venue.managers().stream()
                .map(m -> new Assignment(m.subject(), m.assignedAt(), m.assignedBy())).toList(), venue.version);
    }
}
