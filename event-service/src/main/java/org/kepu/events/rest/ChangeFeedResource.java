package org.kepu.events.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.events.service.ChangeFeed;
import org.kepu.events.service.ChangeFeed.Slice;

/**
 * Changes to public events in commit order, for front ends and partners that keep a copy: list the events once, then
 * follow this feed from {@code ?from=latest} with each answer's {@code next}. Guarantees: every change to a public
 * event (published, updated, cancelled, completed, attendance reported) appears once, in the order the changes
 * committed, within a fraction of a second; a cursor can be followed again after a crash (reading is repeatable); a
 * cursor older than the retention (7 days) gets 410 Gone.
 */
@Path("/api/v1/event-changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class ChangeFeedResource {

    private final EventViewMapper views;
    private final ChangeFeed feed;

    public ChangeFeedResource(ChangeFeed feed, EventViewMapper views) {
        this.feed = feed;
        this.views = views;
    }

    /**
     * One change: what changed, at which version, and the event as the public sees it now (so a client that missed
     * nothing holds the latest state; it is null only for an event since removed).
     */
    @Schema(name = "EventChange")
    public record ChangeView(String cursor, String change, long version, OffsetDateTime changedAt, EventView event) {
    }

    /** A page of changes and the cursor to read on from (the same cursor when there was nothing new). */
    @Schema(name = "EventChangePage")
    public record ChangePage(List<ChangeView> items, String next) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "listEventChanges", summary = "Changes to public events in commit order, after a cursor")
    @APIResponse(responseCode = "200", description = "The next changes and the cursor to go on from", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "410", description = "The cursor is older than the kept history: list the events again and follow from latest")
    public ChangePage changes(
            @QueryParam("after") @Parameter(description = "The `next` of the previous page (opaque)") String after,
            @QueryParam("from") @Pattern(regexp = "latest", message = "must be latest") @Parameter(description = "latest: start from now, with no history") String from,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") int limit) {
        Slice slice = feed.read(after, "latest".equals(from), limit);
        return new ChangePage(slice.entries().stream().map(entry -> new ChangeView(
                ChangeFeed.encode(entry.change().position()), entry.change().change(), entry.change().version(),
                entry.change().changedAt(), entry.event() == null ? null : views.toView(entry.event()))).toList(),
                slice.next());
    }
}
