package org.kepu.events.rest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.rest.ConditionalGet;
import org.kepu.common.security.Caller;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.Event;
import org.kepu.events.service.EventService;

/** Events as iCalendar, to add one to a calendar or subscribe to a search. */
@Path("/api/v1/events")
@PermitAll
@Tag(name = "Events")
public class CalendarResource {

    private final EventService service;
    private final SearchResponseCache searches;
    private final Caller caller;
    private final EventsConfig config;

    public CalendarResource(EventService service, SearchResponseCache searches, Caller caller, EventsConfig config) {
        this.service = service;
        this.searches = searches;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(operationId = "getEventCalendar", summary = "One event as an iCalendar file")
    @APIResponse(responseCode = "200", description = "The event as text/calendar (RFC 5545)", content = @Content(mediaType = ICalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)), headers = @Header(name = "ETag", description = "Send it in If-None-Match to get 304 while the event is unchanged", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such event, or a draft you may not see")
    public Response event(@PathParam("id") UUID id, @Context Request request) {
        Event event = service.get(id, caller);
        // Its own tag, not the JSON's: a strong ETag names one representation's bytes.
        return ConditionalGet.respond(request, new EntityTag("ics-" + event.version),
                () -> Response.ok(ICalendar.of(event.titleZh, List.of(event)), ICalendar.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\""));
    }

    @GET
    @Path("/calendar.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(operationId = "getEventsCalendarFeed", summary = "A calendar feed of any search (same filters as the event list), up to 500 events by default")
    @APIResponse(responseCode = "200", description = "The matching events as text/calendar (RFC 5545)", content = @Content(mediaType = ICalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)), headers = @Header(name = "ETag", description = "Calendar apps send it in If-None-Match and get 304 while the feed is unchanged", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid filters, listed in errors")
    public CompletionStage<Response> feed(@Valid @BeanParam EventQuery query, @Context Request request) {
        // Calendar apps poll their subscriptions with If-None-Match; an unchanged feed costs them and us a 304.
        return searches.calendar(query.toSearch(config.defaultRadiusKm()), config.calendarFeedLimit())
                .thenApply(feed -> Conditional.respond(request, feed, ICalendar.MEDIA_TYPE_VALUE));
    }
}
