package org.kepu.venues.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.kepu.common.paging.Items;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.VisitSlot;
import org.kepu.venues.service.BookingService;
import org.kepu.venues.service.SlotRequest;

/** A venue's bookable visit slots: managers publish and close them, everybody reads them with their seats left. */
@Path("/api/v1/venues/{venueId}/slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visit bookings", description = "参观预约: slots venues offer and the groups that book them")
public class SlotResource {

    /** The longest period one listing covers. */
    static final int MAX_DAYS = 92;

    private final BookingService bookings;
    private final Caller caller;
    private final BookingViewMapper views;

    public SlotResource(BookingService bookings, Caller caller, BookingViewMapper views) {
        this.bookings = bookings;
        this.caller = caller;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "createVisitSlots", summary = "Publish one slot, or a weekly pattern of slots (all or none)")
    @APIResponse(responseCode = "201", description = "The slots published", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotList.class)), headers = @Header(name = "Location", description = "The venue's slots", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "400", description = "Outside the venue's opening hours, in the past, or an invalid field")
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    @APIResponse(responseCode = "409", description = "Overlaps an open slot of the venue (named)")
    public Response publish(@PathParam("venueId") UUID venueId,
            @Valid @NotNull(message = "is required") SlotRequest request) {
        List<SlotView> published = bookings.publish(venueId, request, caller).stream().map(views::toView).toList();
        return Response.created(URI.create("/api/v1/venues/" + venueId + "/slots")).entity(Items.of(published)).build();
    }

    /** The shape of a slot list in the OpenAPI document. */
    @Schema(name = "VisitSlotList")
    record SlotList(List<SlotView> items, long total) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "listVisitSlots", summary = "The venue's slots starting from one date to another (at most 92 days), with seats left")
    @APIResponse(responseCode = "200", description = "Slots in time order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotList.class)))
    public Items<SlotView> list(@PathParam("venueId") UUID venueId,
            @QueryParam("from") @NotNull(message = "is required") @Parameter(example = "2026-12-01") LocalDate from,
            @QueryParam("to") @NotNull(message = "is required") @Parameter(example = "2026-12-31") LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "must be from from to " + (MAX_DAYS - 1) + " days after it");
        }
        return Items.of(bookings.slotsOf(venueId, from, to, caller).stream().map(views::toView).toList());
    }

    @POST
    @Path("/{slotId}/close")
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "closeVisitSlot", summary = "Take no more bookings for a slot (those made stay)")
    @APIResponse(responseCode = "200", description = "The slot, closed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    public SlotView close(@PathParam("venueId") UUID venueId, @PathParam("slotId") UUID slotId) {
        VisitSlot slot = bookings.close(venueId, slotId, caller);
        return views.toView(slot);
    }
}
