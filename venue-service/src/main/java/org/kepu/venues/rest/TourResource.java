package org.kepu.venues.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.paging.Items;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.TourStop;
import org.kepu.venues.rest.TourView.StopView;
import org.kepu.venues.service.StopRequest;
import org.kepu.venues.service.TourRequest;
import org.kepu.venues.service.TourService;
import org.kepu.venues.service.TourService.TourWithStops;

/** Touring caravans and exhibitions: their tours and stops, kept by the unit's managers, read by everybody. */
@Path("/api/v1/tours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tours", description = "科普大篷车、流动科技馆: tours and their stops 进校园、进农村、进社区")
public class TourResource {

    private final TourService service;
    private final Caller caller;
    private final TourViewMapper views;

    public TourResource(TourService service, Caller caller, TourViewMapper views) {
        this.service = service;
        this.caller = caller;
        this.views = views;
    }

    /** How many a stop served. */
    @Schema(name = "StopVisitors")
    public record Visitors(
            @NotNull(message = "is required") @Min(value = 0, message = "must not be negative") @Max(value = 10_000_000, message = "must be at most 10000000") @Schema(example = "1200") Integer visitors) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "createTour", summary = "Create a tour of a mobile unit (its managers and admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourView.class)), headers = @Header(name = "Location", description = "The tour's URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "403", description = "Not a manager of this unit")
    @APIResponse(responseCode = "409", description = "The venue is not a mobile unit")
    public Response create(@Valid @NotNull(message = "is required") TourRequest request) {
        TourView tour = views.toView(service.create(request, caller));
        return Response.created(URI.create("/api/v1/tours/" + tour.id())).entity(tour)
                .tag(ETags.of(tour.version())).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listTours", summary = "Tours, by unit and year, each with its stops")
    @APIResponse(responseCode = "200", description = "Tours, newest year first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourList.class)))
    public Items<TourView> list(@QueryParam("unitId") UUID unitId,
            @QueryParam("year") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") Integer year) {
        if (unitId == null && year == null) {
            throw ProblemException.invalid("year", "is required when no unitId is given");
        }
        return Items.of(service.list(unitId, year).stream().map(views::toView).toList());
    }

    /** The shape of a tour list in the OpenAPI document. */
    @Schema(name = "TourList")
    record TourList(List<TourView> items, long total) {
    }

    @GET
    @Path("/stops")
    @PermitAll
    @Operation(operationId = "searchTourStops", summary = "Stops by economic region, division and period, in date order")
    @APIResponse(responseCode = "200", description = "One page of stops", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StopPage.class)))
    public Page<StopView> stops(@QueryParam("economicRegion") @Parameter(example = "NORTH") EconomicRegion region,
            @QueryParam("divisionCode") @GuangdongDivision @Parameter(example = "441800") String divisionCode,
            @QueryParam("from") @Parameter(example = "2024-01-01") LocalDate from,
            @QueryParam("to") @Parameter(example = "2024-12-31") LocalDate to, @Valid @BeanParam PageRequest paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return service.searchStops(region, divisionCode, from, to, paging.page, paging.size).map(views::toView);
    }

    /** The shape of a stop page in the OpenAPI document. */
    @Schema(name = "PageTourStop")
    record StopPage(List<StopView> items, long total, boolean totalCapped, int page, int size) {
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getTour", summary = "A tour with its stops in date order")
    @APIResponse(responseCode = "200", description = "The tour", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourView.class)))
    @APIResponse(responseCode = "404", description = "No such tour")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "updateTour", summary = "Rename or re-date a tour (its stops must stay within the year)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TourView.class)))
    @APIResponse(responseCode = "409", description = "Stops would fall outside the new year")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is required")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") TourRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The tour's ETag") String ifMatch) {
        return ok(service.update(id, IfMatch.required(ifMatch), request, caller));
    }

    @POST
    @Path("/{id}/stops")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "createTourStop", summary = "Add a stop: within the tour's year, never overlapping another stop of the unit")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StopView.class)), headers = @Header(name = "Location", description = "The tour's URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "400", description = "Dates outside the tour's year or reversed, or the place incomplete")
    @APIResponse(responseCode = "409", description = "Overlaps another stop of the unit (named)")
    public Response addStop(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") StopRequest request) {
        TourStop stop = service.addStop(id, request, caller);
        return Response.created(URI.create("/api/v1/tours/" + id)).entity(views.toView(stop))
                .tag(ETags.of(stop.version)).build();
    }

    @PUT
    @Path("/{id}/stops/{stopId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "updateTourStop", summary = "Change a stop's place or dates")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StopView.class)))
    @APIResponse(responseCode = "409", description = "Overlaps another stop of the unit (named)")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    public Response changeStop(@PathParam("id") UUID id, @PathParam("stopId") UUID stopId,
            @Valid @NotNull(message = "is required") StopRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The stop's ETag") String ifMatch) {
        TourStop stop = service.changeStop(id, stopId, IfMatch.required(ifMatch), request, caller);
        return Response.ok(views.toView(stop)).tag(ETags.of(stop.version)).build();
    }

    @DELETE
    @Path("/{id}/stops/{stopId}")
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "deleteTourStop", summary = "Remove a stop")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeStop(@PathParam("id") UUID id, @PathParam("stopId") UUID stopId) {
        service.removeStop(id, stopId, caller);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/stops/{stopId}/visitors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "reportTourStopVisitors", summary = "Report how many a stop served, once it has begun")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StopView.class)))
    @APIResponse(responseCode = "409", description = "The stop has not begun")
    public Response reportVisitors(@PathParam("id") UUID id, @PathParam("stopId") UUID stopId,
            @Valid @NotNull(message = "is required") Visitors visitors) {
        TourStop stop = service.reportVisitors(id, stopId, visitors.visitors(), caller);
        return Response.ok(views.toView(stop)).tag(ETags.of(stop.version)).build();
    }

    private Response ok(TourWithStops tour) {
        return Response.ok(views.toView(tour)).tag(ETags.of(tour.tour().version)).build();
    }
}
