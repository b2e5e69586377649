package org.kepu.venues.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.kepu.common.persistence.PlacedEntity;

import org.kepu.common.rules.DomainException;

/** One stop of a tour: where the unit goes, when, for whom, and afterwards how many it served. */
@Entity
@Table(name = "tour_stop")
public class TourStop extends PlacedEntity {

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    /** The venue visited, when the stop is at one. */
    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "place_name", nullable = false)
    public String placeName;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StopSetting setting;

    /** How many people the stop served, reported after it began. */
    Integer visitors;

    public static TourStop of(Tour tour) {
        TourStop stop = new TourStop();
        stop.id = UUID.randomUUID();
        stop.tourId = tour.id;
        stop.unitId = tour.unitId;
        stop.madeAt(OffsetDateTime.now(ZoneOffset.UTC));
        return stop;
    }

    public Integer visitors() {
        return visitors;
    }

    /** Records how many the stop served, once it has begun (409 before). */
    public void reportVisitors(int served, LocalDate today) {
        if (startsOn.isAfter(today)) {
            throw DomainException.conflict("stop-not-begun", "Stop not begun",
                    "The stop begins on " + startsOn + "; report its visitors afterwards");
        }
        if (served < 0) {
            throw DomainException.invalid("visitors", "must not be negative");
        }
        visitors = served;
        touch();
    }

    public void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
