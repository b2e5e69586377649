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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    @Operation(summary = "One event as an iCalendar file")
    public Response event(@PathParam("id") UUID id) {
        Event event = service.get(id, caller);
        return Response.ok(ICalendar.of(event.titleZh, List.of(event)), ICalendar.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"").build();
    }

    @GET
    @Path("/calendar.ics")
    @Produces(ICalendar.MEDIA_TYPE)
    @Operation(summary = "A calendar feed of any search (same filters as the event list), up to 500 events by default")
    public CompletionStage<Response> feed(@Valid @BeanParam EventQuery query, @Context Request request) {
        // Calendar apps poll their subscriptions with If-None-Match; an unchanged feed costs them and us a 304.
        return searches.calendar(query.toSearch(config.defaultRadiusKm()), config.calendarFeedLimit())
                .thenApply(feed -> Conditional.respond(request, feed, ICalendar.MEDIA_TYPE_VALUE));
    }
}
