package org.kepu.venues.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.OpeningHours.Closure;
import org.kepu.venues.domain.OpeningHours.Interval;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueStatus;
import org.kepu.venues.service.OpeningHoursDraft;
import org.kepu.venues.service.VenueService;

/** When a venue is open: its schedule, the concrete openings of a period, and "is it open at t?". */
@Path("/api/v1/venues/{id}/opening-hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venues")
public class OpeningHoursResource {

    /** The longest period one request may expand into concrete openings. */
    static final int MAX_DAYS = 92;

    private final VenueService service;
    private final Caller caller;
    private final VenueViewMapper views;

    public OpeningHoursResource(VenueService service, Caller caller, VenueViewMapper views) {
        this.service = service;
        this.caller = caller;
        this.views = views;
    }

    /**
     * The concrete openings of a period, in Asia/Shanghai.
     *
     * @param closures the days an exception closes, with its note
     */
    @Schema(name = "VenueOpenings")
    public record Openings(UUID venueId, LocalDate from, LocalDate to, VenueStatus status, List<Interval> intervals,
            List<Closure> closures) {
    }

    /**
     * Whether the venue is open at an instant.
     *
     * @param interval the opening that covers it, when open
     * @param nextOpening the first opening after it (within about a year), unless the venue is not active
     */
    @Schema(name = "VenueOpenAt")
    public record OpenAt(UUID venueId, OffsetDateTime at, boolean open, VenueStatus status, String statusReason,
            Interval interval, Interval nextOpening) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "listVenueOpenings", summary = "The concrete openings from one date to another (at most 92 days)")
    @APIResponse(responseCode = "200", description = "Openings in time order, and days closed by an exception", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Openings.class)))
    @APIResponse(responseCode = "400", description = "from or to missing, reversed, or too far apart")
    public Openings openings(@PathParam("id") UUID id,
            @QueryParam("from") @NotNull(message = "is required") @Parameter(example = "2026-02-01") LocalDate from,
            @QueryParam("to") @NotNull(message = "is required") @Parameter(example = "2026-02-28") LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "must be within " + MAX_DAYS + " days of from");
        }
        Venue venue = service.get(id, caller);
        OpeningHours hours = venue.openingHours();
        boolean receives = venue.status() == VenueStatus.ACTIVE;
        return new Openings(id, from, to, venue.status(), receives ? hours.intervals(from, to) : List.of(),
                hours.closures(from, to));
    }

    @GET
    @Path("/status")
    @PermitAll
    @Operation(operationId = "getVenueOpenAt", summary = "Is it open at a time (now by default), and when does it open next?")
    @APIResponse(responseCode = "200", description = "Open or not, the covering opening and the next one", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenAt.class)))
    public OpenAt openAt(@PathParam("id") UUID id,
            @QueryParam("at") @Parameter(description = "Default: now", example = "2026-09-20T10:00:00+08:00") OffsetDateTime at) {
        OffsetDateTime when = (at == null ? OffsetDateTime.now() : at).atZoneSameInstant(OpeningHours.ZONE)
                .toOffsetDateTime();
        Venue venue = service.get(id, caller);
        if (venue.status() != VenueStatus.ACTIVE) {
            return new OpenAt(id, when, false, venue.status(), venue.statusReason(), null, null);
        }
        OpeningHours hours = venue.openingHours();
        Interval interval = hours.intervalAt(when).orElse(null);
        return new OpenAt(id, when, interval != null, venue.status(), null, interval,
                hours.nextOpeningAfter(interval != null ? interval.closes().minusNanos(1) : when).orElse(null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
    @Operation(operationId = "replaceVenueOpeningHours", summary = "Replace the weekly schedule and its dated exceptions")
    @APIResponse(responseCode = "200", description = "The venue with its new hours and ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)))
    @APIResponse(responseCode = "400", description = "A bad time, a range ending before it starts, overlapping ranges, a date twice")
    @APIResponse(responseCode = "403", description = "Not a manager of this venue")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is required")
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") OpeningHoursDraft hours,
            @HeaderParam("If-Match") @Parameter(description = VenueResource.IF_MATCH) String ifMatch) {
        IfMatch expected = IfMatch.required(ifMatch);
        Venue venue = service.replaceOpeningHours(id, expected, hours.toOpeningHours(), caller);
        return VenueResource.ok(views.toView(venue));
    }
}
