package org.kepu.venues.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.divisions.GuangdongDivision;
import org.kepu.common.paging.Page;
import org.kepu.common.paging.PageRequest;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.BaseCertification;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.CertificationStatus;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.domain.BaseSearch;
import org.kepu.venues.service.CertificationService;

/** The list the staff who run the annual review work from: every venue with a certification history. */
@Path("/api/v1/education-bases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Education bases")
public class EducationBaseResource {

    private final CertificationService service;

    public EducationBaseResource(CertificationService service) {
        this.service = service;
    }

    /** A base as the review list shows it. */
    @Schema(name = "EducationBase")
    public record BaseView(UUID venueId, String nameZh, VenueKind kind, String divisionCode, String cityCode,
            String economicRegion, @Schema(description = "As of today") CertificationStatus status,
            CertificationLevel level, LocalDate validFrom, LocalDate validUntil, Integer lastEvaluatedYear) {
    }

    /** The shape of the list in the OpenAPI document. */
    @Schema(name = "PageEducationBase")
    record BasePage(List<BaseView> items, long total, boolean totalCapped, int page, int size) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(operationId = "listEducationBases", summary = "Education bases by level, status, place, and evaluation due")
    @APIResponse(responseCode = "200", description = "One page, by city then name", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BasePage.class)))
    public Page<BaseView> list(@QueryParam("level") CertificationLevel level,
            @QueryParam("status") @Parameter(description = "As of today; NOT_YET_VALID finds certificates whose validity has not begun, LAPSED those past it") CertificationStatus status,
            @QueryParam("divisionCode") @GuangdongDivision @Parameter(example = "440100") String divisionCode,
            @QueryParam("economicRegion") EconomicRegion economicRegion,
            @QueryParam("evaluationDue") @Min(value = 2000, message = "must be a year from 2000") @Max(value = 2100, message = "must be a year up to 2100") @Parameter(description = "Certified today, valid on a day of this year and not yet evaluated for it", example = "2026") Integer evaluationDue,
            @Valid @BeanParam PageRequest paging) {
        LocalDate today = LocalDate.now(OpeningHours.ZONE);
        return service.bases(new BaseSearch(level, status, divisionCode, economicRegion, evaluationDue), paging.page,
                paging.size).map(venue -> view(venue, today));
    }

    private static BaseView view(Venue venue, LocalDate today) {
        BaseCertification certification = venue.certification();
        return new BaseView(venue.id, venue.nameZh, venue.kind, venue.divisionCode, venue.cityCode,
                venue.economicRegion, certification.statusOn(today), certification.level(),
                certification.validFrom(), certification.validUntil(), certification.lastEvaluatedYear());
    }
}
