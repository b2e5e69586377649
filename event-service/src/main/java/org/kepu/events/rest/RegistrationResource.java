package org.kepu.events.rest;

import java.util.List;
import java.util.Optional;
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
import org.kepu.common.idempotency.IdempotentRequests;
import org.kepu.common.idempotency.IdempotentRequests.Created;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.privacy.Phones;
import org.kepu.common.rest.CsvExport;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.events.domain.Registration;
import org.kepu.events.domain.RegistrationStatus;
import org.kepu.events.rest.LifecycleRequests.Cancellation;
import org.kepu.events.service.RecentSeats;
import org.kepu.events.service.RegistrationRequest;
import org.kepu.events.service.RegistrationService;
import org.kepu.events.service.RegistrationService.Registered;

/** An event's registrations: the public registers, the organizer lists, exports, cancels and checks in. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registrations", description = "报名: register for an event, and run an event's registrations")
public class RegistrationResource {

    static final String ETAG = "The registration's version; send it in If-Match to change it";

    private final RegistrationViewMapper views;
    private final RegistrationService registrations;
    private final IdempotentRequests idempotentRequests;
    private final Caller caller;
    private final RecentSeats recentSeats;

    public RegistrationResource(RegistrationService registrations, IdempotentRequests idempotentRequests,
            Caller caller, RecentSeats recentSeats, RegistrationViewMapper views) {
        this.recentSeats = recentSeats;
        this.views = views;
        this.registrations = registrations;
        this.idempotentRequests = idempotentRequests;
        this.caller = caller;
    }

    @POST
    @Path("/{eventId}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "registerForEvent", summary = "Register a person or a group; no account needed", description = "Confirmed when the whole group fits the seats left; "
            + "otherwise wait-listed if the event keeps a list, or refused (409 event-full, with the seats left). One live registration per phone number and event.")
    @APIResponse(responseCode = "201", description = "Registered (confirmed or wait-listed); the manage token is shown only here", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationReceipt.class)), headers = {
            @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Location", description = "The registration's URL (read it with the manage token)", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))})
    @APIResponse(responseCode = "404", description = "No such public event")
    @APIResponse(responseCode = "409", description = "Not open for registration (which reason is in type), full, this phone already registered, or this Idempotency-Key still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response register(@PathParam("eventId") UUID eventId,
            @Valid @NotNull(message = "is required") RegistrationRequest request,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Send the same key when retrying; the first answer is returned", example = "5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11") String idempotencyKey) {
        // Anonymous callers share no subject: the phone keeps one person's keys apart from another's.
        String scope = "POST /api/v1/events/" + eventId + "/registrations|" + Phones.normalize(request.phone());
        // A retry gets its first answer before anything else; then a rush at a full event is refused from memory.
        Optional<Response> earlier = idempotentRequests.earlier(scope, idempotencyKey, request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        recentSeats.refuseIfKnownFull(eventId, request.size());
        return idempotentRequests.create(scope, idempotencyKey, request, () -> {
            Registered registered = registrations.register(eventId, request);
            Registration registration = registered.registration();
            return new Created("/api/v1/registrations/" + registration.id, ETags.of(registration.version).toString(),
                    new RegistrationReceipt(views.whole(registration, null), registered.manageToken()));
        });
    }

    @GET
    @Path("/{eventId}/registrations")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "listEventRegistrations", summary = "An event's registrations in arrival order, phones masked")
    @APIResponse(responseCode = "200", description = "One page of registrations", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationPage.class)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    public Page<RegistrationView> list(@PathParam("eventId") UUID eventId,
            @QueryParam("status") @Parameter(description = "Only registrations in this state") RegistrationStatus status,
            @QueryParam("checkedIn") @Parameter(description = "Only those checked in (true) or not yet (false)") Boolean checkedIn,
            @Valid @BeanParam PageRequest paging) {
        return registrations.list(eventId, status, checkedIn, paging.page, paging.size, caller)
                .map(views::inList);
    }

    /** The shape of a registration list in the OpenAPI document. */
    @Schema(name = "PageRegistration")
    record RegistrationPage(List<RegistrationView> items, long total, boolean totalCapped, int page,
            int size) {
    }

    @GET
    @Path("/{eventId}/registrations.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "exportEventRegistrations", summary = "All of an event's registrations as CSV (UTF-8 with BOM, for Excel/WPS), phones masked")
    @APIResponse(responseCode = "200", description = "The registrations, one per row, with Chinese headers", content = @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    public Response export(@PathParam("eventId") UUID eventId) {
        CsvExport csv = CsvExport.withHeaders("报名编号", "类型", "人数", "状态", "联系人", "手机", "单位", "签到码", "签到时间",
                "报名时间");
        for (Registration registration : registrations.export(eventId, caller)) {
            RegistrationView view = views.inList(registration);
            csv.row(view.id(), view.kind(), view.size(), view.status(), view.contact().name(), view.contact().phone(),
                    view.contact().organization(), view.checkInCode(), view.checkedInAt(), view.createdAt());
        }
        return Response.ok(csv.toBytes(), CsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"registrations-" + eventId + ".csv\"").build();
    }

    @GET
    @Path("/{eventId}/registrations/{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "getEventRegistration", summary = "One registration of your event, with its whole contact")
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such registration of this event")
    public Response get(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id) {
        return ok(registrations.forOrganizer(eventId, id, caller));
    }

    @POST
    @Path("/{eventId}/registrations/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "cancelEventRegistration", summary = "Cancel one registration, with a reason the attendee reads; its seats go to the wait list")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such registration of this event")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response cancel(@PathParam("eventId") UUID eventId, @PathParam("id") UUID id,
            @Valid @NotNull(message = "is required") Cancellation cancellation, @HeaderParam("If-Match") String ifMatch) {
        return ok(registrations.cancelByOrganizer(eventId, id, IfMatch.optional(ifMatch), cancellation.reason(),
                caller));
    }

    @POST
    @Path("/{eventId}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "checkInAttendee", summary = "Check in a confirmed registration by its id or the code the attendee shows; twice is harmless")
    @APIResponse(responseCode = "200", description = "Checked in (now or before)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "No such registration of this event")
    @APIResponse(responseCode = "409", description = "The registration is not confirmed")
    public Response checkIn(@PathParam("eventId") UUID eventId,
            @Valid @NotNull(message = "is required") CheckIn checkIn) {
        return ok(registrations.checkIn(eventId, checkIn.registrationId(), checkIn.code(), caller));
    }

    /** Who arrives: a registration id (from a list) or the code on the attendee's screen; exactly one of them. */
    @Schema(name = "CheckIn")
    public record CheckIn(UUID registrationId,
            @Size(max = 20, message = "must be at most 20 characters") @Schema(example = "7KQ2MXPA") String code) {
    }

    private Response ok(Registration registration) {
        return Response.ok(views.whole(registration, null)).tag(ETags.of(registration.version)).build();
    }
}
