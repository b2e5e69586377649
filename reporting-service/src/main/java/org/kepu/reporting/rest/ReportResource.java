package org.kepu.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.paging.Items;
import org.kepu.common.rest.CsvExport;
import org.kepu.reporting.domain.CityCount;
import org.kepu.reporting.service.CityBreakdowns;

/** Public dashboard figures, read only from reporting-service's own read models. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    private final CityBreakdowns breakdowns;

    public ReportResource(CityBreakdowns breakdowns) {
        this.breakdowns = breakdowns;
    }

    @GET
    @Path("/events/published-by-city")
    @PermitAll
    @Operation(operationId = "getPublishedEventsByCity", summary = "Published (or since completed) events in each of Guangdong's 21 cities")
    public Items<CityCount> publishedEventsByCity() {
        return Items.of(breakdowns.publishedEvents());
    }

    @GET
    @Path("/venues/by-city")
    @PermitAll
    @Operation(operationId = "getVenuesByCity", summary = "Registered venues in each of Guangdong's 21 cities")
    public Items<CityCount> venuesByCity() {
        return Items.of(breakdowns.venues());
    }

    @GET
    @Path("/events/published-by-city.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @PermitAll
    @Operation(operationId = "exportPublishedEventsByCity", summary = "Published events by city as CSV (UTF-8 with BOM) or XLSX")
    @APIResponse(responseCode = "200", description = "城市代码, 城市, 经济区域, 活动数", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportPublishedEventsByCity(@PathParam("format") @Parameter(description = "csv or xlsx") String format) {
        return TableExport.of(CityCount.table("各市活动", "活动数", breakdowns.publishedEvents()), format,
                "events-by-city");
    }

    @GET
    @Path("/venues/by-city.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @PermitAll
    @Operation(operationId = "exportVenuesByCity", summary = "Venues by city as CSV (UTF-8 with BOM) or XLSX")
    @APIResponse(responseCode = "200", description = "城市代码, 城市, 经济区域, 场馆数", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportVenuesByCity(@PathParam("format") @Parameter(description = "csv or xlsx") String format) {
        return TableExport.of(CityCount.table("各市场馆", "场馆数", breakdowns.venues()), format, "venues-by-city");
    }
}
