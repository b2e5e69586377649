package org.kepu.events.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.rest.ETags;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.events.domain.Event;
import org.kepu.events.service.PartnerPushes;
import org.kepu.events.service.PushItem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The door partner agencies push their events through, machine to machine, and read them back by their own ids. Each
 * partner (role {@code partner}, its id in the token's {@code partner} claim) sees only its own events.
 */
@Path("/api/v1/partner-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner events", description = "Bulk push by partner agencies, idempotent by external id")
public class PartnerEventResource {

    private final EventViewMapper views;
    private final PartnerPushReader pushes;
    private final PartnerPushes partnerEvents;
    private final Caller caller;

    public PartnerEventResource(PartnerPushReader pushes, PartnerPushes partnerEvents, Caller caller,
            EventViewMapper views) {
        this.partnerEvents = partnerEvents;
        this.pushes = pushes;
        this.caller = caller;
        this.views = views;
    }

    /**
     * A push: items are read one by one, so that one malformed item is refused alone.
     *
     * @param items each a {@link PushItem}
     */
    @Schema(name = "PartnerPush")
    public record PushRequest(
            @NotNull(message = "is required") @Size(min = 1, message = "must hold at least one item") @Schema(implementation = PushItem[].class) List<JsonNode> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "pushPartnerEvents", summary = "Push up to 1,000 events: each is created, updated, unchanged, withdrawn or rejected on its own")
    @APIResponse(responseCode = "200", description = "Every item was accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PushOutcome.class)))
    @APIResponse(responseCode = "207", description = "Some items were rejected (see each item's problem); the others are stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PushOutcome.class)))
    @APIResponse(responseCode = "413", description = "More items than a push may carry")
    public Response push(@Valid @NotNull(message = "is required") PushRequest request) {
        PushOutcome outcome = pushes.push(request.items(), caller);
        return Response.status(outcome.anyRejected() ? 207 : 200).entity(outcome).build();
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "listPartnerEvents", summary = "The partner's own events, drafts included, newest first")
    public Page<EventView> list(@Valid @BeanParam PageRequest paging) {
        Page<Event> page = partnerEvents.pushedEvents(PartnerPushes.partnerOf(caller), paging.page, paging.size);
        return page.map(views::toView);
    }

    @GET
    @Path("/{externalId}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "getPartnerEvent", summary = "One of the partner's events, by the partner's own id")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    public Response get(@PathParam("externalId") @Parameter(example = "gz-kjj-2024-0518") String externalId) {
        Event event = partnerEvents.pushedEvent(PartnerPushes.partnerOf(caller), externalId);
        return Response.ok(views.toView(event)).tag(ETags.of(event.version)).build();
    }
}
