package org.kepu.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.kepu.reporting.domain.VenueOverview;
import org.kepu.reporting.service.EventOverviews;

/** A year of public events in a scope, for dashboards, as JSON or as a spreadsheet. */
@Path("/api/v1/reports/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class OverviewResource {

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
    public EventOverview events(@Valid @BeanParam YearAndScope query) {
        return overviews.of(query.year, query.scope);
    }

    @GET
    @Path("/events.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @PermitAll
    @Operation(operationId = "exportEventOverview", summary = "The events overview as CSV (UTF-8 with BOM) or XLSX, one row per figure, Chinese headers")
    @APIResponse(responseCode = "200", description = "维度, 项目, 数量 rows", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportEvents(@PathParam("format") @Parameter(description = "csv or xlsx") String format,
            @Valid @BeanParam YearAndScope query) {
        EventOverview overview = overviews.of(query.year, query.scope);
        return TableExport.of(overview.table(), format, "events-" + query.year + "-" + overview.scope().replace('+', '-'));
    }

    @GET
    @Path("/places")
    @PermitAll
    @Operation(operationId = "getPlacesOverview", summary = "Venues by kind, education bases by level and status, and the year's touring stops and visitors by region")
    @APIResponse(responseCode = "200", description = "The overview, with how fresh it is", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueOverview.class)))
    @APIResponse(responseCode = "400", description = "A scope that is not one")
    public VenueOverview places(@Valid @BeanParam YearAndScope query) {
        return overviews.places(query.year, query.scope);
    }

    @GET
    @Path("/places.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @PermitAll
    @Operation(operationId = "exportPlacesOverview", summary = "The places overview as CSV (UTF-8 with BOM) or XLSX, one row per figure, Chinese headers")
    @APIResponse(responseCode = "200", description = "维度, 项目, 数量 rows", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportPlaces(@PathParam("format") @Parameter(description = "csv or xlsx") String format,
            @Valid @BeanParam YearAndScope query) {
        VenueOverview overview = overviews.places(query.year, query.scope);
        return TableExport.of(overview.table(), format, "places-" + query.year + "-" + overview.scope().replace('+', '-'));
    }
}
