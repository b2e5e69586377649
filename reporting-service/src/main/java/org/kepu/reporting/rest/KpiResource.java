package org.kepu.reporting.rest;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.paging.Items;
import org.kepu.common.rest.CsvExport;
import org.kepu.common.security.Roles;
import org.kepu.reporting.domain.CityCount;
import org.kepu.reporting.domain.Kpi;
import org.kepu.reporting.domain.KpiMetric;
import org.kepu.reporting.service.KpiReport;

/** The plans' targets and how far the province is from them, for officials' dashboards. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets and KPIs", description = "规划目标: what the plans ask against what the facts show")
public class KpiResource {

    private final KpiReport report;

    public KpiResource(KpiReport report) {
        this.report = report;
    }

    /** What an admin sends to set a target. */
    @Schema(name = "TargetValue")
    public record TargetValue(
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative") @Schema(example = "1000") BigDecimal value,
            @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "2024年广东省科普工作要点") String source) {
    }

    @GET
    @Path("/kpis")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listKpis", summary = "Every target of a year: actual, gap, met, and how fresh the facts are")
    @APIResponse(responseCode = "200", description = "The year's targets measured", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiList.class)))
    public Items<Kpi> kpis(
            @QueryParam("year") @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") @Parameter(example = "2024") Integer year) {
        return Items.of(report.ofYear(year));
    }

    @GET
    @Path("/kpis.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "exportKpis", summary = "The year's targets measured, as CSV (UTF-8 with BOM) or XLSX with Chinese headers")
    @APIResponse(responseCode = "200", description = "指标, 年份, 范围, 目标值, 实际值, 差距, 是否达成, 依据, 数据截至", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportKpis(@PathParam("format") @Parameter(description = "csv or xlsx") String format,
            @QueryParam("year") @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") Integer year) {
        return TableExport.of(Kpi.table(year, report.ofYear(year)), format, "kpis-" + year);
    }

    /** The shape of the KPI list in the OpenAPI document. */
    @Schema(name = "KpiList")
    record KpiList(java.util.List<Kpi> items, long total) {
    }

    @PUT
    @Path("/targets/{metric}/{year}/{scope}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateTarget", summary = "Set a target (admins); returns it measured")
    @APIResponse(responseCode = "200", description = "The target, measured", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Kpi.class)))
    @APIResponse(responseCode = "400", description = "A scope the measure cannot be taken in, or a bad value")
    public Kpi putTarget(@PathParam("metric") KpiMetric metric,
            @PathParam("year") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") int year,
            @PathParam("scope") @Parameter(example = "EAST+WEST+NORTH") String scope,
            @Valid @NotNull(message = "is required") TargetValue target) {
        return report.putTarget(metric, year, scope, target.value(), target.source());
    }

    @GET
    @Path("/cities-without-science-museum")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listCitiesWithoutScienceMuseum", summary = "Cities that lack a comprehensive science museum (综合性科技馆)")
    public Items<CityCount> citiesWithoutScienceMuseum() {
        return Items.of(report.citiesWithoutScienceMuseum());
    }

    @GET
    @Path("/cities-without-science-museum.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "exportCitiesWithoutScienceMuseum", summary = "The cities lacking a comprehensive science museum, as CSV (UTF-8 with BOM) or XLSX")
    @APIResponse(responseCode = "200", description = "城市代码, 城市, 经济区域, 综合性科技馆数", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportCitiesWithoutScienceMuseum(
            @PathParam("format") @Parameter(description = "csv or xlsx") String format) {
        return TableExport.of(CityCount.table("缺少综合性科技馆的地市", "综合性科技馆数", report.citiesWithoutScienceMuseum()),
                format, "cities-without-science-museum");
    }
}
