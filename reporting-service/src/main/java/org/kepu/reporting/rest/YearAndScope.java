package org.kepu.reporting.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code year} and {@code scope} query parameters every overview and its exports take. */
public class YearAndScope {

    @QueryParam("year")
    @NotNull(message = "is required")
    @Min(value = 2000, message = "must be from 2000")
    @Max(value = 2100, message = "must be up to 2100")
    @Parameter(description = "The calendar year (Asia/Shanghai)", example = "2024")
    public Integer year;

    @QueryParam("scope")
    @Size(max = 40, message = "must be at most 40 characters")
    @Parameter(description = "PROVINCE (default), a city or county code, or economic regions joined by '+'", example = "EAST+WEST+NORTH")
    public String scope;
}
