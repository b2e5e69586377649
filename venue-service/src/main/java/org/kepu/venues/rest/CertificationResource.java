package org.kepu.venues.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.kepu.common.rest.ETags;
import org.kepu.common.rest.IfMatch;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.BaseCertification;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.CertificationMove;
import org.kepu.venues.domain.CertificationMoveType;
import org.kepu.venues.domain.CertificationStatus;
import org.kepu.venues.domain.EvaluationResult;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.service.CertificationService;
import org.kepu.venues.service.CertificationService.Certified;

/** A venue's certification as a science education base (科普教育基地): its history, and the moves admins make. */
@Path("/api/v1/venues/{id}/certification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Education bases", description = "科普教育基地: certification, annual evaluation, the staff's review list")
public class CertificationResource {

    private final CertificationService service;
    private final Caller caller;

    public CertificationResource(CertificationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** A move as an admin sends it; which fields it needs depends on the move. */
    @Schema(name = "CertificationMoveRequest")
    public record MoveRequest(@NotNull(message = "is required") @Schema(example = "CERTIFY") CertificationMoveType move,
            @Schema(description = "CERTIFY, RECERTIFY", example = "PROVINCIAL") CertificationLevel level,
            @Schema(description = "CERTIFY, RECERTIFY: the first day it holds", example = "2024-01-01") LocalDate validFrom,
            @Schema(description = "CERTIFY, RECERTIFY: the last day it holds", example = "2028-12-31") LocalDate validUntil,
            @Schema(description = "EVALUATE", example = "2025") Integer year,
            @Schema(description = "EVALUATE: 0 to 100", example = "92") Integer score,
            @Schema(description = "EVALUATE", example = "EXCELLENT") EvaluationResult result,
            @Size(max = 2000, message = "must be at most 2000 characters") @Schema(description = "Required to SUSPEND or REVOKE: why", example = "年度考核优秀") String notes) {
    }

    /** A base's standing and its history. */
    @Schema(name = "Certification")
    public record CertificationView(UUID venueId,
            @Schema(description = "As of today: a certificate before its validity reads NOT_YET_VALID, after it LAPSED") CertificationStatus status,
            CertificationLevel level, LocalDate validFrom, LocalDate validUntil, Integer lastEvaluatedYear,
            List<MoveView> history) {
    }

    /** One move of the history. */
    @Schema(name = "CertificationMove")
    public record MoveView(int seq, CertificationMoveType move, CertificationStatus status, CertificationLevel level,
            LocalDate validFrom, LocalDate validUntil, Integer year, Integer score, EvaluationResult result,
            String notes, OffsetDateTime movedAt, String movedBy) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.VENUE_MANAGER})
    @Operation(operationId = "getCertification", summary = "A base's certification and its history (admins, analysts, its managers)")
    @APIResponse(responseCode = "200", description = "Standing and history, oldest move first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class)))
    public CertificationView get(@PathParam("id") UUID id) {
        return view(service.historyOf(id, caller));
    }

    @POST
    @Path("/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordCertificationMove", summary = "Apply, certify, evaluate, suspend, reinstate, revoke or re-certify (admins)")
    @APIResponse(responseCode = "201", description = "Moved; the certification with its history", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class)), headers = {
            @Header(name = "Location", description = "The venue's certification", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The venue's new version", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A field the move needs is missing or invalid")
    @APIResponse(responseCode = "409", description = "The move cannot follow the current status (named), the year is already evaluated, or the venue is a mobile unit")
    public Response move(@PathParam("id") UUID id, @Valid @NotNull(message = "is required") MoveRequest request,
            @HeaderParam("If-Match") @Parameter(description = "The venue's ETag (optional)") String ifMatch) {
        Certified certified = service.move(id, IfMatch.optional(ifMatch), new BaseCertification.Request(request.move(),
                request.level(), request.validFrom(), request.validUntil(), request.year(), request.score(),
                request.result(), request.notes()), caller);
        return Response.created(URI.create("/api/v1/venues/" + id + "/certification")).entity(view(certified))
                .tag(ETags.of(certified.venue().version)).build();
    }

    static CertificationView view(Certified certified) {
        BaseCertification certification = certified.venue().certification();
        return new CertificationView(certified.venue().id,
                certification.statusOn(LocalDate.now(OpeningHours.ZONE)), certification.level(),
                certification.validFrom(), certification.validUntil(), certification.lastEvaluatedYear(),
                certified.history().stream().map(CertificationResource::view).toList());
    }

    private static MoveView view(CertificationMove move) {
        return new MoveView(move.seq, move.move, move.status, move.level, move.validFrom, move.validUntil, move.year,
                move.score, move.result, move.notes, move.movedAt.atZoneSameInstant(OpeningHours.ZONE).toOffsetDateTime(),
                move.movedBy);
    }
}
