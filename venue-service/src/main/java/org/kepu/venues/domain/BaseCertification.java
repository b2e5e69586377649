package org.kepu.venues.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.kepu.common.rules.DomainException.FieldError;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ValidityWindow;

/**
 * A venue's standing as a science education base (科普教育基地), as its newest certification move left it, and the rules
 * for which move may follow which:
 *
 * <pre>
 * (none) or REVOKED --APPLY--> APPLIED --CERTIFY--> CERTIFIED --EVALUATE--> CERTIFIED (once a year)
 * CERTIFIED --SUSPEND--> SUSPENDED --REINSTATE--> CERTIFIED
 * CERTIFIED or SUSPENDED --REVOKE--> REVOKED;  CERTIFIED or SUSPENDED --RECERTIFY--> CERTIFIED (another level or term)
 * </pre>
 *
 * A certificate read outside its validity reads as {@link CertificationStatus#NOT_YET_VALID} before its first day and
 * as {@link CertificationStatus#LAPSED} from the day after its last, with no job run.
 */
@Embeddable
public class BaseCertification {

    @Enumerated(EnumType.STRING)
    @Column(name = "cert_status")
    CertificationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "cert_level")
    CertificationLevel level;

    @Column(name = "cert_valid_from")
    LocalDate validFrom;

    @Column(name = "cert_valid_until")
    LocalDate validUntil;

    @Column(name = "cert_last_evaluated")
    Integer lastEvaluatedYear;

    /**
     * What an admin asks for; which fields a move needs depends on the move.
     *
     * @param level and the validity: for CERTIFY and RECERTIFY
     * @param year, score and result: for EVALUATE
     * @param notes required for SUSPEND and REVOKE (the reason); optional otherwise
     */
    public record Request(CertificationMoveType move, CertificationLevel level, LocalDate validFrom,
            LocalDate validUntil, Integer year, Integer score, EvaluationResult result, String notes) {
    }

    /**
     * The status as of {@code today}: a certificate outside its validity is {@link CertificationStatus#NOT_YET_VALID}
     * before it and {@link CertificationStatus#LAPSED} after it.
     */
    public CertificationStatus statusOn(LocalDate today) {
        if (status == CertificationStatus.CERTIFIED && validity().hasNotBegunOn(today)) {
            return CertificationStatus.NOT_YET_VALID;
        }
        if (status == CertificationStatus.CERTIFIED && validity().hasEndedBefore(today)) {
            return CertificationStatus.LAPSED;
        }
        return status;
    }

    /** Whether the venue counts as a certified base today (not applied, not yet valid, lapsed, suspended or revoked). */
    public boolean isCertifiedOn(LocalDate today) {
        return statusOn(today) == CertificationStatus.CERTIFIED;
    }

    /** The stored status; null before any move. */
    public CertificationStatus status() {
        return status;
    }

    public CertificationLevel level() {
        return level;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    /** The days the certificate holds; open on both sides before any CERTIFY. */
    public ValidityWindow validity() {
        return new ValidityWindow(validFrom, validUntil);
    }

    public Integer lastEvaluatedYear() {
        return lastEvaluatedYear;
    }

    /**
     * Makes the move and returns the history entry to keep: 400 naming what the move lacks, 409 when the move cannot
     * follow the current status (naming it) or the year was already evaluated.
     *
     * @param history the venue's moves so far, oldest first
     */
    public CertificationMove move(UUID venueId, List<CertificationMove> history, Request request, String by) {
        CertificationMoveType type = request.move();
        if (type == null) {
            throw DomainException.invalid("move", "is required");
        }
        requireFields(request);
        switch (type) {
            case APPLY -> requireFrom(type, null, CertificationStatus.REVOKED);
            case CERTIFY -> requireFrom(type, CertificationStatus.APPLIED);
            case EVALUATE -> requireEvaluable(request.year(), history);
            case SUSPEND, RECERTIFY, REVOKE -> {
                if (type == CertificationMoveType.SUSPEND) {
                    requireFrom(type, CertificationStatus.CERTIFIED);
                } else {
                    requireFrom(type, CertificationStatus.CERTIFIED, CertificationStatus.SUSPENDED);
                }
            }
            case REINSTATE -> requireFrom(type, CertificationStatus.SUSPENDED);
        }
        switch (type) {
            case APPLY -> {
                status = CertificationStatus.APPLIED;
                level = null;
                validFrom = null;
                validUntil = null;
            }
            case CERTIFY, RECERTIFY -> {
                status = CertificationStatus.CERTIFIED;
                level = request.level();
                validFrom = request.validFrom();
                validUntil = request.validUntil();
            }
            case EVALUATE -> lastEvaluatedYear = lastEvaluatedYear == null
                    ? request.year()
                    : Math.max(lastEvaluatedYear, request.year());
            case SUSPEND -> status = CertificationStatus.SUSPENDED;
            case REINSTATE -> status = CertificationStatus.CERTIFIED;
            case REVOKE -> status = CertificationStatus.REVOKED;
        }
        CertificationMove entry = new CertificationMove();
        entry.id = UUID.randomUUID();
        entry.venueId = venueId;
        entry.seq = history.size() + 1;
        entry.move = type;
        entry.status = status;
        entry.level = level;
        entry.validFrom = validFrom;
        entry.validUntil = validUntil;
        if (type == CertificationMoveType.EVALUATE) {
            entry.year = request.year();
            entry.score = request.score();
            entry.result = request.result();
        }
        entry.notes = request.notes();
        entry.movedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entry.movedBy = by;
        return entry;
    }

    private static void requireFields(Request request) {
        List<FieldError> errors = new ArrayList<>();
        CertificationMoveType type = request.move();
        if (type == CertificationMoveType.CERTIFY || type == CertificationMoveType.RECERTIFY) {
            if (request.level() == null) {
                errors.add(new FieldError("level", "is required to " + type));
            }
            if (request.validFrom() == null) {
                errors.add(new FieldError("validFrom", "is required to " + type));
            }
            if (request.validUntil() == null) {
                errors.add(new FieldError("validUntil", "is required to " + type));
            }
            if (request.validFrom() != null && request.validUntil() != null
                    && !request.validUntil().isAfter(request.validFrom())) {
                errors.add(new FieldError("validUntil", "must be after validFrom"));
            }
        }
        if (type == CertificationMoveType.EVALUATE) {
            if (request.year() == null) {
                errors.add(new FieldError("year", "is required to EVALUATE"));
            }
            if (request.score() == null) {
                errors.add(new FieldError("score", "is required to EVALUATE"));
            } else if (request.score() < 0 || request.score() > 100) {
                errors.add(new FieldError("score", "must be between 0 and 100"));
            }
            if (request.result() == null) {
                errors.add(new FieldError("result", "is required to EVALUATE"));
            }
        }
        if ((type == CertificationMoveType.SUSPEND || type == CertificationMoveType.REVOKE)
                && (request.notes() == null || request.notes().isBlank())) {
            errors.add(new FieldError("notes", "is required to " + type + ": say why"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private void requireFrom(CertificationMoveType type, CertificationStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw DomainException.conflict("certification-move-out-of-order", "Move not allowed now",
                    "Cannot " + type + " a certification that is " + (status == null ? "not applied for" : status)
                            + "; " + type + " follows " + describe(allowed));
        }
    }

    private void requireEvaluable(int year, List<CertificationMove> history) {
        requireFrom(CertificationMoveType.EVALUATE, CertificationStatus.CERTIFIED);
        if (!validity().overlapsYear(year)) {
            throw DomainException.invalid("year", "must fall within the certificate's validity (" + validFrom
                    + " to " + validUntil + ")");
        }
        // A second evaluation of the same year is refused here; moves of one venue are serialised by its row lock.
        if (history.stream().anyMatch(done -> done.year != null && done.year == year)) {
            throw DomainException.conflict("evaluation-exists", "Year already evaluated",
                    "This base's evaluation for " + year + " is already recorded");
        }
    }

    private static String describe(CertificationStatus... allowed) {
        List<String> names = new ArrayList<>();
        for (CertificationStatus status : allowed) {
            names.add(status == null ? "no certification" : status.name());
        }
        return String.join(" or ", names);
    }
}
