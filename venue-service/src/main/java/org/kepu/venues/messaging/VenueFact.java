package org.kepu.venues.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.CertificationMoveType;
import org.kepu.venues.domain.CertificationStatus;
import org.kepu.venues.domain.EvaluationResult;
import org.kepu.venues.domain.VenueCategory;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.domain.VenueStatus;

/**
 * The payload of every {@code kepu.venue.*} fact: the venue after the change, with its city and economic region so
 * that consumers need no lookup, and for a certification move the move itself. Never carries managers or anything
 * personal. Changes are additive; a breaking change is a new fact type. Made by {@link VenueFactMapper}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VenueFact(@NotNull UUID id, long version, @NotNull String nameZh, String nameEn,
        @NotNull VenueKind kind, @NotNull VenueCategory category, @NotNull String divisionCode, String cityCode,
        String economicRegion, Double latitude, Double longitude, @NotNull VenueStatus status,
        @NotNull List<String> themes, @NotNull List<String> audiences, Integer capacity,
        @Schema(description = "The base's standing after the change; absent if it never applied") Certification certification,
        @Schema(description = "Only on kepu.venue.certification-changed: the move made") Move move) {

    /**
     * The certification as stored: a consumer judges whether it is in force by its validity, both ends, against its
     * own today.
     */
    public record Certification(@NotNull CertificationStatus status, CertificationLevel level, LocalDate validFrom,
            LocalDate validUntil, Integer lastEvaluatedYear) {
    }

    /** One certification move. */
    public record Move(int seq, @NotNull CertificationMoveType type, Integer year, Integer score, EvaluationResult result) {
    }
}
