package org.kepu.venues.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.service.BookingService;

/** One booking: its booker reads and cancels it with the manage token; the venue's managers reject or record it. */
@Path("/api/v1/bookings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visit bookings")
public class ManagedBookingResource {

    static final String TOKEN = "Booking-Token";
    static final String TOKEN_HELP = "The manage token the booking's receipt carried";

    private final BookingService bookings;
    private final Caller caller;
    private final BookingViewMapper views;

    public ManagedBookingResource(BookingService bookings, Caller caller, BookingViewMapper views) {
        this.bookings = bookings;
        this.caller = caller;
        this.views = views;
    }

    /** Why the venue turns a group away. */
    @Schema(name = "BookingRejection")
    public record Rejection(
            @Size(max = 500, message = "must be at most 500 characters") @Schema(example = "场馆临时布展，请改约其他时段") String reason) {
    }

    /** How many of the group came. */
    @Schema(name = "BookingAttendance")
    public record Attendance(@NotNull(message = "is required") @Schema(example = "43") Integer attended) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "getVisitBooking", summary = "One booking, with its whole contact: for its booker (Booking-Token) or the venue's managers")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "No such booking, or a token that does not open it")
    public Response get(@PathParam("id") UUID id,
            @HeaderParam(TOKEN) @Parameter(description = TOKEN_HELP) String token) {
        VisitBooking booking = token != null || caller.isAnonymous()
                ? bookings.forBooker(id, token)
                : bookings.forManager(id, caller);
        return ok(booking);
    }

    @POST
    @Path("/cancel")
    @PermitAll
    @Operation(operationId = "cancelVisitBooking", summary = "Cancel a booking with its manage token; the seats go back to the slot")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "No such booking, or a token that does not open it")
    @APIResponse(responseCode = "409", description = "Not confirmed any more (cancelled, rejected or attended)")
    public Response cancel(@PathParam("id") UUID id,
            @HeaderParam(TOKEN) @Parameter(description = TOKEN_HELP) String token) {
        return ok(bookings.cancel(id, token));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "rejectVisitBooking", summary = "Turn a group away, saying why (the venue's managers); the seats go back")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "Not a manager of this booking's venue")
    @APIResponse(responseCode = "409", description = "Not confirmed any more")
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") Rejection rejection) {
        return ok(bookings.reject(id, rejection.reason(), caller));
    }

    @PUT
    @Path("/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "recordVisitAttendance", summary = "Record how many of the group came, once the visit has begun")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "More than were booked, or fewer than none")
    @APIResponse(responseCode = "403", description = "Not a manager of this booking's venue")
    @APIResponse(responseCode = "409", description = "The visit has not begun, or the booking is not confirmed")
    public Response attendance(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") Attendance attendance) {
        return ok(bookings.markAttended(id, attendance.attended(), caller));
    }

    private Response ok(VisitBooking booking) {
        return Response.ok(views.whole(booking, bookings.slotOf(booking))).tag(ETags.of(booking.version)).build();
    }
}
