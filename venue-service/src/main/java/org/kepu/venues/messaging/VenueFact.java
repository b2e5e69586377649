package org.kepu.venues.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 *
 * @param certification the base's standing after the change; null if never applied for
 * @param move only on {@code kepu.venue.certification-changed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VenueFact(UUID id, long version, String nameZh, String nameEn, VenueKind kind, VenueCategory category,
        String divisionCode, String cityCode, String economicRegion, Double latitude, Double longitude,
        VenueStatus status, List<String> themes, List<String> audiences, Integer capacity,
        Certification certification, Move move) {

    /**
     * The certification as stored: a consumer judges whether it is in force by its validity, both ends, against its
     * own today.
     */
    public record Certification(CertificationStatus status, CertificationLevel level, LocalDate validFrom,
            LocalDate validUntil, Integer lastEvaluatedYear) {
    }

    /** One certification move. */
    public record Move(int seq, CertificationMoveType type, Integer year, Integer score, EvaluationResult result) {
    }
}
