package org.kepu.events.rest;

import java.net.URI;
import java.time.OffsetDateTime;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.rest.ETags;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.events.domain.EventType;
import org.kepu.events.repository.EventRepository.PublicSearch;
import org.kepu.events.service.EventDraft;
import org.kepu.events.service.EventService;

/** The event catalogue: public discovery, and the lifecycle organizers drive. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    private final EventService service;
    private final Caller caller;

    public EventResource(EventService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Create an event draft for your organization")
    @APIResponse(responseCode = "201", description = "Draft created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors")
    public Response create(@Valid @NotNull(message = "is required") EventDraft draft) {
        var event = service.create(draft, caller);
        return Response.created(URI.create("/api/v1/events/" + event.id)).tag(ETags.of(event.version))
                .entity(EventView.from(event)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get one event; drafts only for their organizer")
    @APIResponse(responseCode = "200", description = "The event, with its ETag")
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    public Response get(@PathParam("id") UUID id) {
        var event = service.get(id, caller);
        return Response.ok(EventView.from(event)).tag(ETags.of(event.version)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Search public events")
    public Page<EventView> search(
            @QueryParam("divisionCode") @GuangdongDivision @Parameter(description = "GB/T 2260 code at any level; a city finds its counties", example = "440100") String divisionCode,
            @QueryParam("from") @Parameter(description = "Events ending at or after this time", example = "2024-05-01T00:00:00+08:00") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Events starting at or before this time", example = "2024-05-31T23:59:59+08:00") OffsetDateTime to,
            @QueryParam("type") EventType type,
            @Valid @BeanParam PageRequest paging) {
        return service.search(new PublicSearch(divisionCode, from, to, type), paging.page, paging.size)
                .map(EventView::from);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(summary = "Publish a draft: it becomes visible and its fact is sent")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "409", description = "The event is not a draft")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response publish(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you last read; optional for publish") String ifMatch) {
        Long expected = ifMatch == null ? null : ETags.requireIfMatch(ifMatch);
        var event = service.publish(id, expected, caller);
        return Response.ok(EventView.from(event)).tag(ETags.of(event.version)).build();
    }
}
