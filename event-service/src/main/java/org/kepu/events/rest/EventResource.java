package org.kepu.events.rest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ManagedExecutor;
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
import org.kepu.common.problem.ProblemException;
import org.kepu.common.rest.ConditionalGet;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventSearch;
import org.kepu.events.rest.LifecycleRequests.AttendanceReport;
import org.kepu.events.rest.LifecycleRequests.Cancellation;
import org.kepu.events.service.EventDraft;
import org.kepu.events.service.EventService;

/** The event catalogue: public discovery, and the lifecycle organizers drive. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "科普活动: find events, and run your own")
public class EventResource {

    static final String ETAG = "The event's version; send it in If-Match to change the event, or If-None-Match to get 304";

    private final EventViewMapper views;
    private final EventService service;
    private final SearchResponseCache searches;
    private final Caller caller;
    private final IdempotentRequests idempotentRequests;
    private final EventsConfig config;
    private final PublicEventCache publicEvents;
    private final ManagedExecutor workers;

    public EventResource(EventService service, SearchResponseCache searches, Caller caller,
            IdempotentRequests idempotentRequests, EventsConfig config,
            PublicEventCache publicEvents, ManagedExecutor workers, EventViewMapper views) {
        this.service = service;
        this.views = views;
        this.searches = searches;
        this.publicEvents = publicEvents;
        this.workers = workers;
        this.caller = caller;
        this.idempotentRequests = idempotentRequests;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "createEvent", summary = "Create an event draft for your organization")
    @APIResponse(responseCode = "201", description = "Draft created; Location names it, ETag is its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = {
            @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Location", description = "The new event's URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))})
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response create(@Valid @NotNull(message = "is required") EventDraft draft,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Send the same key when retrying; the first result is returned", example = "5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11") String idempotencyKey) {
        return idempotentRequests.create("POST /api/v1/events|" + caller.subject().orElse(""), idempotencyKey, draft,
                () -> created(service.create(draft, caller)));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getEvent", summary = "Get one event; drafts only for their organizer")
    @APIResponse(responseCode = "200", description = "The event, with its ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    public CompletionStage<Response> get(@PathParam("id") UUID id, @Context Request request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization) {
        if (authorization == null) {
            // Anonymous: public events only, from memory when read before (answered on the I/O thread).
            return publicEvents.get(id).thenApply(rendered -> {
                if (rendered == null) {
                    throw ProblemException.notFound("Event", id);
                }
                return Conditional.respond(request, rendered, MediaType.APPLICATION_JSON_TYPE);
            });
        }
        // With a token, from the database: drafts for their organizer, and one's own change seen at once.
        return workers.supplyAsync(() -> {
            Event event = service.get(id, caller);
            return ConditionalGet.respond(request, ETags.of(event.version), () -> Response.ok(views.toView(event)));
        });
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchEvents", summary = "Search public events", description = "Filters combine with AND. Free text finds Chinese "
            + "and English words in titles and descriptions (科普 finds 第七届广东科普嘉年华).")
    @APIResponse(responseCode = "200", description = "One page of matching events, soonest first unless sorted otherwise, with an ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)), headers = @Header(name = "ETag", description = "Send it in If-None-Match to get 304 while the results are unchanged", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid filters, listed in errors")
    public CompletionStage<Response> search(@Valid @BeanParam EventQuery query, @Valid @BeanParam PageRequest paging,
            @Context Request request) {
        EventSearch search = query.toSearch(config.defaultRadiusKm());
        return searches.page(search, paging.page, paging.size)
                .thenApply(page -> Conditional.respond(request, page, MediaType.APPLICATION_JSON_TYPE));
    }

    /** The shape of a search response in the OpenAPI document: a {@link Page} of {@link EventView}. */
    @Schema(name = "PageEventView")
    record EventPage(List<EventView> items,
            @Schema(description = Page.SEARCH_TOTAL_DOC) long total,
            @Schema(description = Page.SEARCH_TOTAL_CAPPED_DOC) boolean totalCapped,
            int page, int size) {
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "updateEvent", summary = "Replace an event's details (draft or published)")
    @APIResponse(responseCode = "200", description = "Updated; a published event's change is announced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in errors")
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    @APIResponse(responseCode = "409", description = "The event is completed or cancelled")
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed the event since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") EventDraft draft,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you last read", required = true, example = "\"3\"") String ifMatch) {
        return ok(service.update(id, IfMatch.required(ifMatch), draft, caller));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "deleteEvent", summary = "Delete a draft; published events are cancelled instead")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    @APIResponse(responseCode = "409", description = "Not a draft, or changed by another request meanwhile")
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed the event since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag you last read", required = true) String ifMatch) {
        service.deleteDraft(id, IfMatch.required(ifMatch), caller);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "publishEvent", summary = "Publish a draft: it becomes visible and its fact is sent")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    @APIResponse(responseCode = "409", description = "The event is not a draft")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response publish(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(description = "Optional for state moves") String ifMatch) {
        return ok(service.publish(id, IfMatch.optional(ifMatch), caller));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "cancelEvent", summary = "Cancel a published event, with a reason the public sees")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "No reason, or an invalid one")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "The event is not published")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") Cancellation cancellation,
            @HeaderParam("If-Match") String ifMatch) {
        return ok(service.cancel(id, IfMatch.optional(ifMatch), cancellation.reason(), caller));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "completeEvent", summary = "Mark a published event as held (once it has started)")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "Not published, or not started yet")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.complete(id, IfMatch.optional(ifMatch), caller));
    }

    @PUT
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
    @Operation(operationId = "reportEventAttendance", summary = "Report how many took part in a completed event")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid counts, listed in errors")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "The event is not completed")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response reportAttendance(@PathParam("id") UUID id,
            @Valid @NotNull(message = "is required") AttendanceReport report, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.reportAttendance(id, IfMatch.optional(ifMatch), report.offline(), report.online(), caller));
    }

    private Response ok(Event event) {
        return Response.ok(views.toView(event)).tag(ETags.of(event.version)).build();
    }

    private Created created(Event event) {
        return new Created("/api/v1/events/" + event.id, ETags.of(event.version).toString(), views.toView(event));
    }
}
