package org.kepu.venues.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kepu.common.rules.DomainException;

/** One stop of a tour: where the unit goes, when, for whom, and afterwards how many it served. */
@Entity
@Table(name = "tour_stop")
public class TourStop {

    @Id
    public UUID id;

    @Column(name = "tour_id", nullable = false)
    public UUID tourId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    /** The venue visited, when the stop is at one. */
    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "place_name", nullable = false)
    public String placeName;

    public String address;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "city_code")
    public String cityCode;

    @Column(name = "economic_region")
    public String economicRegion;

    public Double latitude;

    public Double longitude;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StopSetting setting;

    /** How many people the stop served, reported after it began. */
    Integer visitors;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static TourStop of(Tour tour) {
        TourStop stop = new TourStop();
        stop.id = UUID.randomUUID();
        stop.tourId = tour.id;
        stop.unitId = tour.unitId;
        stop.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        stop.updatedAt = stop.createdAt;
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
