package org.kepu.events.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.rest.ConditionalGet;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.events.domain.Registration;
import org.kepu.events.service.RegistrationService;

/**
 * A registration as its attendee manages it, with the secret manage token from the receipt in the Registration-Token
 * header (never in the URL, which proxies and browsers keep): no account needed.
 */
@Path("/api/v1/registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations")
public class ManagedRegistrationResource {

    static final String TOKEN = "Registration-Token";
    private static final String TOKEN_DESCRIPTION = "The manage token from the registration receipt";

    private final RegistrationViewMapper views;
    private final RegistrationService registrations;

    public ManagedRegistrationResource(RegistrationService registrations, RegistrationViewMapper views) {
        this.registrations = registrations;
        this.views = views;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getMyRegistration", summary = "Your registration: status, place in the wait list, check-in code")
    @APIResponse(responseCode = "200", description = "The registration, with its whole contact", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)), headers = @Header(name = "ETag", description = RegistrationResource.ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such registration, or a wrong token")
    public Response get(@PathParam("id") UUID id,
            @HeaderParam(TOKEN) @Parameter(description = TOKEN_DESCRIPTION, required = true) String token,
            @Context Request request) {
        Registration registration = registrations.byToken(id, token);
        Integer position = registrations.waitListPosition(registration);
        return ConditionalGet.respond(request, ETags.of(registration.version),
                () -> Response.ok(views.whole(registration, position)));
    }

    @POST
    @Path("/{id}/cancel")
    @PermitAll
    @Operation(operationId = "cancelMyRegistration", summary = "Cancel your registration; your seats go to the wait list")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)), headers = @Header(name = "ETag", description = RegistrationResource.ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such registration, or a wrong token")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response cancel(@PathParam("id") UUID id,
            @HeaderParam(TOKEN) @Parameter(description = TOKEN_DESCRIPTION, required = true) String token,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(registrations.cancelByAttendee(id, token, IfMatch.optional(ifMatch)));
    }

    @PUT
    @Path("/{id}/size")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "resizeMyRegistration", summary = "Change how many of you come: fewer always, more while seats are left")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)), headers = @Header(name = "ETag", description = RegistrationResource.ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such registration, or a wrong token")
    @APIResponse(responseCode = "409", description = "Not enough seats left for more (your registration keeps its size), or cancelled")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response resize(@PathParam("id") UUID id,
            @HeaderParam(TOKEN) @Parameter(description = TOKEN_DESCRIPTION, required = true) String token,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull(message = "is required") NewSize size) {
        return ok(registrations.resize(id, token, IfMatch.optional(ifMatch), size.size()));
    }

    /** A registration's new size. */
    @Schema(name = "RegistrationSize")
    public record NewSize(
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") @Schema(example = "2") Integer size) {
    }

    private Response ok(Registration registration) {
        return Response.ok(views.whole(registration, null)).tag(ETags.of(registration.version)).build();
    }
}
