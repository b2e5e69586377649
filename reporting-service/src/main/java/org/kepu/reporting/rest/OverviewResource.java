package org.kepu.reporting.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.kepu.common.rest.CsvExport;
import org.kepu.reporting.domain.EventOverview;
import org.kepu.reporting.domain.EventOverview.Count;
import org.kepu.reporting.domain.VenueOverview;
import org.kepu.reporting.service.EventOverviews;

/** A year of public events in a scope, for dashboards, as JSON or as a spreadsheet. */
@Path("/api/v1/reports/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class OverviewResource {

    static final String SCOPE = "PROVINCE (default), a city or county code, or economic regions joined by '+'";

    private final EventOverviews overviews;

    public OverviewResource(EventOverviews overviews) {
        this.overviews = overviews;
    }

    @GET
    @Path("/events")
    @PermitAll
    @Operation(operationId = "getEventOverview", summary = "A year of public events by type, month, status, format and theme, with attendance")
    @APIResponse(responseCode = "200", description = "The overview, with how fresh it is", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventOverview.class)))
    @APIResponse(responseCode = "400", description = "A scope that is not one")
    public EventOverview events(
            @QueryParam("year") @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") @Parameter(example = "2024") Integer year,
            @QueryParam("scope") @Size(max = 40, message = "must be at most 40 characters") @Parameter(description = SCOPE, example = "EAST+WEST+NORTH") String scope) {
        return overviews.of(year, scope);
    }

    @GET
    @Path("/events.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @PermitAll
    @Operation(operationId = "exportEventOverview", summary = "The events overview as CSV (UTF-8 with BOM, for Excel/WPS), one row per figure")
    @APIResponse(responseCode = "200", description = "维度, 项目, 数量 rows", content = @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response eventsCsv(
            @QueryParam("year") @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") Integer year,
            @QueryParam("scope") @Size(max = 40, message = "must be at most 40 characters") @Parameter(description = SCOPE) String scope) {
        EventOverview overview = overviews.of(year, scope);
        CsvExport csv = CsvExport.withHeaders("维度", "项目", "数量");
        csv.row("合计", "活动", overview.total());
        rows(csv, "类型", overview.byType());
        rows(csv, "月份", overview.byMonth());
        rows(csv, "状态", overview.byStatus());
        rows(csv, "形式", overview.byFormat());
        rows(csv, "主题", overview.byTheme());
        csv.row("参与", "线下参与人次", overview.attendanceOffline());
        csv.row("参与", "线上参与人次", overview.attendanceOnline());
        return Response.ok(csv.toBytes(), CsvExport.MEDIA_TYPE).header("Content-Disposition",
                "attachment; filename=\"events-" + year + "-" + overview.scope().replace('+', '-') + ".csv\"").build();
    }

    @GET
    @Path("/places")
    @PermitAll
    @Operation(operationId = "getPlacesOverview", summary = "Venues by kind, education bases by level and status, and the year's touring stops and visitors by region")
    @APIResponse(responseCode = "200", description = "The overview, with how fresh it is", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueOverview.class)))
    @APIResponse(responseCode = "400", description = "A scope that is not one")
    public VenueOverview places(
            @QueryParam("year") @NotNull(message = "is required") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") @Parameter(example = "2024") Integer year,
            @QueryParam("scope") @Size(max = 40, message = "must be at most 40 characters") @Parameter(description = SCOPE, example = "441400") String scope) {
        return overviews.places(year, scope);
    }

    private static void rows(CsvExport csv, String dimension, List<Count> counts) {
        counts.forEach(count -> csv.row(dimension, count.key(), count.count()));
    }
}
