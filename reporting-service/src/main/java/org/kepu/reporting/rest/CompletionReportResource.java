package org.kepu.reporting.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.paging.Items;
import org.kepu.common.rest.ETags;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.reporting.domain.CompletionReport;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.reporting.service.PlanService;
import org.kepu.reporting.service.PlanService.Submitted;
import org.kepu.reporting.service.ReportRequest;

/** A responsible unit's completion reports: each unit (an organizer's organization) reads and writes only its own. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class CompletionReportResource {

    private final PlanService plans;
    private final Caller caller;

    public CompletionReportResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @PUT
    @Path("/{id}/tasks/{number}/reports/{unit}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "reportOnPlanTask", summary = "Report on a task for one's own unit: created, or revised with If-Match; after the due date it is accepted and marked late")
    @APIResponse(responseCode = "201", description = "Reported", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.Report.class)), headers = @Header(name = "Location", description = "The report's URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "200", description = "Revised", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.Report.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's unit, or a task that does not name it")
    @APIResponse(responseCode = "428", description = "A revision without If-Match")
    public Response put(@PathParam("id") UUID planId,
            @PathParam("number") @Min(value = 1, message = "must be at least 1") int number,
            @PathParam("unit") @Size(max = 100, message = "must be at most 100 characters") @Parameter(example = "市科技局") String unit,
            @Valid @NotNull(message = "is required") ReportRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The report's ETag, to revise it") String ifMatch) {
        // A first report needs no If-Match; a revision does (428), checked only once the service finds one.
        ExpectedVersion expected = ifMatch == null || ifMatch.isBlank() ? (version, what) -> {
            throw ProblemException.preconditionRequired();
        } : IfMatch.required(ifMatch);
        Submitted submitted = plans.submit(planId, number, unit, expected, request, caller);
        Response.ResponseBuilder response = submitted.created()
                ? Response.created(URI.create("/api/v1/plans/" + planId + "/tasks/" + number + "/reports/"
                        + URLEncoder.encode(unit, StandardCharsets.UTF_8).replace("+", "%20")))
                : Response.ok();
        return response.entity(PlanView.Report.of(submitted.report())).tag(ETags.of(submitted.report().version))
                .build();
    }

    @GET
    @Path("/{id}/tasks/{number}/reports/{unit}")
    @RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "getCompletionReport", summary = "A unit's report on a task: the unit's organizers, admins and analysts")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.Report.class)))
    public Response get(@PathParam("id") UUID planId, @PathParam("number") int number,
            @PathParam("unit") String unit) {
        CompletionReport report = plans.report(planId, number, unit, caller);
        return Response.ok(PlanView.Report.of(report)).tag(ETags.of(report.version)).build();
    }

    @GET
    @Path("/to-do")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "listMyPlanTasks", summary = "The caller's unit's open tasks in every plan (or one year's): not reported, not started or in progress")
    public Items<PlanView.ToDoItem> toDo(
            @QueryParam("year") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") Integer year) {
        String unit = caller.organization().orElse("");
        return Items.of(plans.toDo(caller, year).stream().map(todo -> PlanView.ToDoItem.of(todo, unit)).toList());
    }
}
