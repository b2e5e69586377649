package org.kepu.events.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.problem.Problem.InvalidField;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.vocabulary.Audience;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventType;
import org.kepu.common.geo.NearQuery;
import org.kepu.common.rest.FreeText;
import org.kepu.common.vocabulary.Theme;
import org.kepu.events.domain.EventSearch;

/** The query parameters of an event search, shared by the JSON list and the calendar feed. */
public class EventQuery {

    @QueryParam("divisionCode")
    @GuangdongDivision
    @Parameter(description = "GB/T 2260 code at any level: the province finds all, a city its counties", example = "440100")
    public String divisionCode;

    @QueryParam("economicRegion")
    @Parameter(description = "PRD (珠三角), EAST (粤东), WEST (粤西) or NORTH (粤北)", example = "NORTH")
    public EconomicRegion economicRegion;

    @QueryParam("from")
    @Parameter(description = "Events ending at or after this time", example = "2024-05-01T00:00:00+08:00")
    public OffsetDateTime from;

    @QueryParam("to")
    @Parameter(description = "Events starting at or before this time", example = "2024-05-31T23:59:59+08:00")
    public OffsetDateTime to;

    @QueryParam("type")
    public EventType type;

    @QueryParam("seriesId")
    @Parameter(description = "Events in this series (the umbrella event's id)")
    public UUID seriesId;

    @QueryParam("audience")
    public Audience audience;

    @QueryParam("theme")
    public Theme theme;

    @QueryParam("format")
    public EventFormat format;

    @QueryParam("organizer")
    @Size(max = 100, message = "must be at most 100 characters")
    @Parameter(description = "The organizing organization's id", example = "gdast")
    public String organizer;

    @QueryParam("q")
    @Size(max = 100, message = "must be at most 100 characters")
    @Parameter(description = "Free text in Chinese or English, matched in titles and descriptions", example = "机器人")
    public String q;

    @QueryParam("lat")
    @DecimalMin(value = "-90", message = "must be between -90 and 90")
    @DecimalMax(value = "90", message = "must be between -90 and 90")
    @Parameter(description = "With lon: search near this point", example = "23.1291")
    public Double lat;

    @QueryParam("lon")
    @DecimalMin(value = "-180", message = "must be between -180 and 180")
    @DecimalMax(value = "180", message = "must be between -180 and 180")
    @Parameter(example = "113.2644")
    public Double lon;

    @QueryParam("radiusKm")
    @DecimalMin(value = "0.1", message = "must be at least 0.1")
    @DecimalMax(value = "200", message = "must be at most 200")
    @Parameter(description = "With lat and lon: how far, in km (default 10, kepu.events.default-radius-km)", example = "5")
    public Double radiusKm;

    @QueryParam("sort")
    @Parameter(description = "START_TIME (default), RELEVANCE (title matches first) or DISTANCE (default with lat/lon)")
    public EventSearch.Order sort;

    /**
     * The search, after the rules that span parameters; 400 naming the parameter when one is broken.
     *
     * @param defaultRadiusKm the radius when a point is given without one
     */
    public EventSearch toSearch(double defaultRadiusKm) {
        List<InvalidField> errors = new ArrayList<>();
        NearQuery near = NearQuery.of(lat, lon, radiusKm, defaultRadiusKm, errors);
        if (sort == EventSearch.Order.DISTANCE && lat == null) {
            errors.add(new InvalidField("sort", "DISTANCE needs lat and lon"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new InvalidField("to", "must not be before from"));
        }
        String text = FreeText.of(q, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new EventSearch(divisionCode, economicRegion, from, to, type, seriesId, audience, theme, format,
                organizer, text, near == null ? null : near.point(), near == null ? null : near.radiusKm(), sort);
    }
}
