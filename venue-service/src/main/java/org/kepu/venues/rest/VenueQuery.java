package org.kepu.venues.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.geo.NearQuery;
import org.kepu.common.problem.Problem.InvalidField;
import org.kepu.common.problem.ProblemException;
import org.kepu.common.rest.FreeText;
import org.kepu.common.vocabulary.Audience;
import org.kepu.common.vocabulary.Theme;
import org.kepu.venues.domain.Accessibility;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.Facility;
import org.kepu.venues.domain.VenueCategory;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.domain.VenueSearch;

/** The query parameters of a venue search. */
public class VenueQuery {

    @QueryParam("divisionCode")
    @GuangdongDivision
    @Parameter(description = "GB/T 2260 code at any level: the province finds all, a city its counties", example = "440100")
    public String divisionCode;

    @QueryParam("economicRegion")
    @Parameter(description = "PRD (珠三角), EAST (粤东), WEST (粤西) or NORTH (粤北)", example = "NORTH")
    public EconomicRegion economicRegion;

    @QueryParam("category")
    @Parameter(description = "A family of kinds", example = "SCIENCE_MUSEUMS")
    public VenueCategory category;

    @QueryParam("kind")
    public VenueKind kind;

    @QueryParam("level")
    @Parameter(description = "Certified education bases at this level, as of today", example = "PROVINCIAL")
    public CertificationLevel level;

    @QueryParam("theme")
    public Theme theme;

    @QueryParam("audience")
    public Audience audience;

    @QueryParam("accessibility")
    @Parameter(example = "WHEELCHAIR_ACCESS")
    public Accessibility accessibility;

    @QueryParam("facility")
    public Facility facility;

    @QueryParam("openAt")
    @Parameter(description = "Open at this time (venues not temporarily closed, within their hours)", example = "2026-09-20T10:00:00+08:00")
    public OffsetDateTime openAt;

    @QueryParam("openNow")
    @Parameter(description = "Open now; the same as openAt with the current time")
    public Boolean openNow;

    @QueryParam("q")
    @Size(max = 100, message = "must be at most 100 characters")
    @Parameter(description = "Free text in Chinese or English, in names, descriptions and addresses", example = "科学中心")
    public String q;

    @QueryParam("lat")
    @DecimalMin(value = "-90", message = "must be between -90 and 90")
    @DecimalMax(value = "90", message = "must be between -90 and 90")
    @Parameter(description = "With lon: nearest first, each with its distanceKm", example = "23.1291")
    public Double lat;

    @QueryParam("lon")
    @DecimalMin(value = "-180", message = "must be between -180 and 180")
    @DecimalMax(value = "180", message = "must be between -180 and 180")
    @Parameter(example = "113.2644")
    public Double lon;

    @QueryParam("radiusKm")
    @DecimalMin(value = "0.1", message = "must be at least 0.1")
    @DecimalMax(value = "200", message = "must be at most 200")
    @Parameter(description = "With lat and lon: how far, in km (default 10)", example = "5")
    public Double radiusKm;

    /** The search, after the rules that span parameters; 400 naming the parameter when one is broken. */
    public VenueSearch toSearch(double defaultRadiusKm) {
        List<InvalidField> errors = new ArrayList<>();
        NearQuery near = NearQuery.of(lat, lon, radiusKm, defaultRadiusKm, errors);
        String text = FreeText.of(q, errors);
        if (openAt != null && Boolean.TRUE.equals(openNow)) {
            errors.add(new InvalidField("openNow", "cannot be combined with openAt"));
        }
        if (category != null && kind != null && kind.category() != category) {
            errors.add(new InvalidField("kind", kind + " is not in the category " + category));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OffsetDateTime at = Boolean.TRUE.equals(openNow) ? OffsetDateTime.now() : openAt;
        return new VenueSearch(divisionCode, economicRegion, category, kind, level, theme, audience, accessibility,
                facility, at, near == null ? null : near.point(), near == null ? null : near.radiusKm(), text);
    }
}
