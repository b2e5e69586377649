package org.kepu.reporting.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.kepu.common.paging.Items;
import org.kepu.common.rest.CsvExport;
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Roles;
import org.kepu.reporting.domain.PlanProgress;
import org.kepu.reporting.domain.PlanProgress.Owed;
import org.kepu.reporting.service.PlanRequest;
import org.kepu.reporting.service.PlanService;
import org.kepu.reporting.service.PlanService.PlanWithTasks;

/** Annual plans (工作计划): admins write them; admins and analysts follow their progress. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "年度科普工作计划: tasks, responsible units, completion reports")
public class PlanResource {

    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPlan", summary = "Create a plan with its sections and numbered tasks (admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)), headers = @Header(name = "Location", description = "The plan's URL", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    public Response create(@Valid @NotNull(message = "is required") PlanRequest request) {
        PlanWithTasks plan = plans.create(request);
        return Response.created(URI.create("/api/v1/plans/" + plan.plan().id)).entity(PlanView.of(plan))
                .tag(ETags.of(plan.plan().version)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listPlans", summary = "Plans, newest year first, or one year's")
    public Items<PlanView.Summary> list(
            @QueryParam("year") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") @Parameter(example = "2021") Integer year) {
        return Items.of(plans.list(year).stream().map(PlanView.Summary::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "getPlan", summary = "A plan with its sections and tasks")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("id") UUID id) {
        PlanWithTasks plan = plans.find(id);
        return Response.ok(PlanView.of(plan)).tag(ETags.of(plan.plan().version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePlan", summary = "Replace a plan's text and tasks (admins); tasks keep their reports by number")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "A task that has reports would disappear")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") PlanRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The plan's ETag") String ifMatch) {
        PlanWithTasks plan = plans.update(id, IfMatch.required(ifMatch)::requireMatches, request);
        return Response.ok(PlanView.of(plan)).tag(ETags.of(plan.plan().version)).build();
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "getPlanProgress", summary = "By task, how many units reported and are done; by unit, what it still owes")
    public PlanProgress progress(@PathParam("id") UUID id) {
        return plans.progress(id);
    }

    @GET
    @Path("/{id}/progress.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "exportPlanProgress", summary = "The progress table, one row per task and unit, as CSV (UTF-8 with BOM) or XLSX")
    @APIResponse(responseCode = "200", description = "任务编号, 任务, 责任单位, 牵头, 状态, 报送时间, 是否逾期, 活动场次, 参与人次", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportProgress(@PathParam("id") UUID id,
            @PathParam("format") @Parameter(description = "csv or xlsx") String format) {
        return TableExport.of(plans.progressTable(id), format, "plan-progress-" + id);
    }

    @GET
    @Path("/{id}/overdue")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listOverdueReports", summary = "The reports owed on a day after the due date (today when no date is given)")
    public Items<Owed> overdue(@PathParam("id") UUID id,
            @QueryParam("on") @Parameter(description = "A day (Asia/Shanghai)", example = "2021-12-01") LocalDate on) {
        return Items.of(plans.overdue(id, on));
    }

    @GET
    @Path("/{id}/reports")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listPlanReports", summary = "Every unit's completion reports on the plan")
    public Items<PlanView.Report> reports(@PathParam("id") UUID id) {
        List<PlanView.Report> reports = plans.reports(id).stream().map(PlanView.Report::of).toList();
        return Items.of(reports);
    }
}
