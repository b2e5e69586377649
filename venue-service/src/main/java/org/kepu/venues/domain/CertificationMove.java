package org.kepu.venues.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One dated, attributed step of a base's certification history; never changed once written. */
@Entity
@Table(name = "certification_move")
public class CertificationMove {

    @Id
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    /** 1, 2, 3… per venue, in the order the moves were made. */
    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationMoveType move;

    /** The stored status the move led to. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationStatus status;

    @Enumerated(EnumType.STRING)
    public CertificationLevel level;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "eval_year")
    public Integer year;

    public Integer score;

    @Enumerated(EnumType.STRING)
    public EvaluationResult result;

    public String notes;

    @Column(name = "moved_at", nullable = false)
    public OffsetDateTime movedAt;

    /** The admin's token subject. */
    @Column(name = "moved_by", nullable = false)
    public String movedBy;
}
