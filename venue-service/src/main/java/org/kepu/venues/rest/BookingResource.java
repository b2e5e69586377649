package org.kepu.venues.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.kepu.common.idempotency.IdempotentRequests;
import org.kepu.common.idempotency.IdempotentRequests.Created;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.privacy.Phones;
import org.kepu.common.rest.CsvExport;
import org.kepu.common.rest.ETags;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.BookingStatus;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.domain.VisitSlot;
import org.kepu.venues.service.BookingRequest;
import org.kepu.venues.service.BookingService;
import org.kepu.venues.service.BookingService.Booked;

/** Booking a slot (no account needed), and a venue's bookings for its managers. */
@Path("/api/v1/venues/{venueId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visit bookings")
public class BookingResource {

    private final BookingService bookings;
    private final IdempotentRequests idempotentRequests;
    private final Caller caller;
    private final BookingViewMapper views;

    public BookingResource(BookingService bookings, IdempotentRequests idempotentRequests, Caller caller,
            BookingViewMapper views) {
        this.bookings = bookings;
        this.idempotentRequests = idempotentRequests;
        this.caller = caller;
        this.views = views;
    }

    /** The answer to booking: the booking, and the secret that manages it, shown this once. */
    @Schema(name = "BookingReceipt")
    public record Receipt(BookingView booking,
            @Schema(description = "Send it as the Booking-Token header to read or cancel this booking without an account; keep it secret", example = "q9V1cV8Zb2vXw0m3l8J9u2kQ4n6p1s7t5y3r0e2w4a6") String manageToken) {
    }

    @POST
    @Path("/slots/{slotId}/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(operationId = "createVisitBooking", summary = "Book a slot for a group, whole or not at all; no account needed")
    @APIResponse(responseCode = "201", description = "Confirmed; the receipt carries the manage token", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)), headers = {
            @Header(name = "Location", description = "The booking's URL (read it with the Booking-Token header)", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The booking's version", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors")
    @APIResponse(responseCode = "404", description = "No such slot at this venue")
    @APIResponse(responseCode = "409", description = "The slot is full (seats left in the detail), closed or begun, the venue is not receiving visitors, or this Idempotency-Key still runs")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response book(@PathParam("venueId") UUID venueId, @PathParam("slotId") UUID slotId,
            @Valid @NotNull(message = "is required") BookingRequest request,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Send the same key when retrying; the first answer is returned", example = "5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11") String idempotencyKey) {
        // Anonymous callers share no subject: the leader's phone keeps one school's keys apart from another's.
        String scope = "POST /api/v1/venues/" + venueId + "/slots/" + slotId + "/bookings|"
                + Phones.normalize(request.leaderPhone());
        // A retry gets its first answer before anything else; then a rush at a full slot is refused without its lock.
        Optional<Response> earlier = idempotentRequests.earlier(scope, idempotencyKey, request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        bookings.refuseIfNoRoom(venueId, slotId, request.size());
        return idempotentRequests.create(scope, idempotencyKey, request, () -> {
            Booked booked = bookings.book(venueId, slotId, request);
            VisitBooking booking = booked.booking();
            return new Created("/api/v1/bookings/" + booking.id, ETags.of(booking.version).toString(),
                    new Receipt(views.whole(booking, booked.slot()), booked.manageToken()));
        });
    }

    @GET
    @Path("/bookings")
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "listVenueBookings", summary = "The venue's bookings, newest first, phones masked (its managers and admins)")
    @APIResponse(responseCode = "200", description = "One page of bookings", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingPage.class)))
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    public Page<BookingView> list(@PathParam("venueId") UUID venueId, @QueryParam("status") BookingStatus status,
            @QueryParam("slotId") UUID slotId,
            @QueryParam("from") @Parameter(description = "Bookings of slots starting on or after this date", example = "2026-12-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "… and on or before this date", example = "2026-12-31") LocalDate to,
            @Valid @BeanParam PageRequest paging) {
        Page<VisitBooking> page = bookings.ofVenue(venueId, status, slotId, from, to, paging.page, paging.size, caller);
        Map<UUID, VisitSlot> slots = bookings.slotsOf(page.items());
        return page.map(booking -> views.inList(booking, slots.get(booking.slotId)));
    }

    /** The shape of a booking list in the OpenAPI document. */
    @Schema(name = "PageVisitBooking")
    record BookingPage(List<BookingView> items, long total, boolean totalCapped, int page, int size) {
    }

    @GET
    @Path("/bookings.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "exportVenueBookings", summary = "The venue's bookings as CSV (UTF-8 with BOM, for Excel/WPS), phones masked")
    @APIResponse(responseCode = "200", description = "One booking per row, Chinese headers", content = @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    public Response export(@PathParam("venueId") UUID venueId, @QueryParam("status") BookingStatus status,
            @QueryParam("slotId") UUID slotId, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        CsvExport csv = CsvExport.withHeaders("预约编号", "参观开始", "参观结束", "人数", "学校", "年级班级", "带队老师", "手机", "状态",
                "实到人数", "预约时间");
        List<VisitBooking> listed = bookings.exportOfVenue(venueId, status, slotId, from, to, caller);
        Map<UUID, VisitSlot> slots = bookings.slotsOf(listed);
        for (VisitBooking booking : listed) {
            BookingView view = views.inList(booking, slots.get(booking.slotId));
            csv.row(view.id(), view.slotStartsAt(), view.slotEndsAt(), view.size(), view.school(), view.grade(),
                    view.leaderName(), view.leaderPhone(), view.status(), view.attended(), view.createdAt());
        }
        return Response.ok(csv.toBytes(), CsvExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"bookings-" + venueId + ".csv\"").build();
    }
}
