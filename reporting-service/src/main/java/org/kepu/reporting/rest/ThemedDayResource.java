package org.kepu.reporting.rest;

import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.kepu.common.security.Roles;
import org.kepu.reporting.domain.ThemedDay.Dates;
import org.kepu.reporting.domain.ThemedDayCoverage;
import org.kepu.reporting.service.ThemedDayCalendar.Placed;
import org.kepu.reporting.service.ThemedDayCoverages;

/** Was there an event in every city on 科技活动周, 全国科普日 …: themed-day coverage for dashboards. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ThemedDayResource {

    private final ThemedDayCoverages coverages;

    public ThemedDayResource(ThemedDayCoverages coverages) {
        this.coverages = coverages;
    }

    /** The dates an admin records for a themed day in a year, as announced. */
    @Schema(name = "ThemedDayDates")
    public record AnnouncedDates(
            @NotNull(message = "is required") @Schema(example = "2021-05-22") LocalDate from,
            @NotNull(message = "is required") @Schema(example = "2021-05-29") LocalDate to,
            @Size(max = 300, message = "must be at most 300 characters") @Schema(example = "2021年全国科技活动周") String source) {

        @AssertTrue(message = "must not be before from")
        @Schema(hidden = true)
        public boolean isTo() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    /** A themed day's dates in a year, as recorded. */
    @Schema(name = "ThemedDayPlaced")
    public record PlacedDay(String key, String nameZh, String nameEn, int year, LocalDate from, LocalDate to,
            boolean announced) {
        static PlacedDay of(Placed placed, int year) {
            return new PlacedDay(placed.day().key(), placed.day().nameZh(), placed.day().nameEn(), year,
                    placed.dates().from(), placed.dates().to(), placed.announced());
        }
    }

    @GET
    @Path("/themed-days")
    @PermitAll
    @Operation(operationId = "getThemedDayCoverage", summary = "For each themed day of a year, which cities (or a city's counties) held a public event on it")
    @APIResponse(responseCode = "200", description = "Coverage by themed day and area, with how fresh it is", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThemedDayCoverage.class)))
    @APIResponse(responseCode = "400", description = "A scope that is not one")
    public ThemedDayCoverage coverage(@Valid @BeanParam YearAndScope query) {
        return coverages.of(query.year, query.scope);
    }

    @GET
    @Path("/themed-days.{format: csv|xlsx}")
    @Produces({CsvExport.MEDIA_TYPE, TableExport.XLSX})
    @PermitAll
    @Operation(operationId = "exportThemedDayCoverage", summary = "Themed-day coverage as CSV (UTF-8 with BOM) or XLSX, one row per day and area")
    @APIResponse(responseCode = "200", description = "主题日, 开始日期, 结束日期, 地区代码, 地区, 活动数, 是否覆盖", content = {
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@PathParam("format") @Parameter(description = "csv or xlsx") String format,
            @Valid @BeanParam YearAndScope query) {
        ThemedDayCoverage coverage = coverages.of(query.year, query.scope);
        return TableExport.of(coverage.table(), format,
                "themed-days-" + query.year + "-" + coverage.scope().replace('+', '-'));
    }

    @PUT
    @Path("/themed-days/{key}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordThemedDayDates", summary = "Record a themed day's announced dates for a year (admins), e.g. 科技活动周")
    @APIResponse(responseCode = "200", description = "The day's dates that year", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacedDay.class)))
    @APIResponse(responseCode = "404", description = "No such themed day")
    public PlacedDay record(@PathParam("key") @Parameter(example = "science-week") String key,
            @PathParam("year") @Min(value = 2000, message = "must be from 2000") @Max(value = 2100, message = "must be up to 2100") int year,
            @Valid @NotNull(message = "is required") AnnouncedDates dates) {
        return PlacedDay.of(coverages.record(key, year, new Dates(dates.from(), dates.to()), dates.source()), year);
    }
}
