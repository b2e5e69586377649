package org.kepu.venues.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.kepu.common.persistence.VersionedEntity;

import org.kepu.common.rules.DomainException;

/**
 * A mobile unit's tour of a year (科普大篷车进校园, 流动科技馆巡展), made of stops. It decides which stops it accepts: within
 * its year, and never overlapping another stop of the same unit, on any of its tours.
 */
@Entity
@Table(name = "tour")
public class Tour extends VersionedEntity {

    /** The mobile unit (a venue of a mobile kind) that tours. */
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int year;

    public String organizer;

    /** A new tour of a mobile unit; 409 when the venue named is not one. */
    public static Tour of(Venue unit, String name, int year, String organizer) {
        if (!unit.kind.isMobile()) {
            throw DomainException.conflict("not-a-mobile-unit", "Not a mobile unit", "Venue " + unit.id + " is a "
                    + unit.kind + "; tours belong to caravans and touring exhibitions");
        }
        Tour tour = new Tour();
        tour.id = UUID.randomUUID();
        tour.unitId = unit.id;
        tour.madeAt(OffsetDateTime.now(ZoneOffset.UTC));
        tour.describe(name, year, organizer, List.of());
        return tour;
    }

    /** Renames or re-dates the tour; its year may change only if every stop still falls within it (409). */
    public void describe(String name, int year, String organizer, List<TourStop> stops) {
        for (TourStop stop : stops) {
            if (stop.startsOn.getYear() != year || stop.endsOn.getYear() != year) {
                throw DomainException.conflict("stops-outside-year", "Stops outside the year",
                        "Stop " + stop.id + " (" + stop.startsOn + " to " + stop.endsOn + ") is not in " + year);
            }
        }
        this.name = name;
        this.year = year;
        this.organizer = organizer;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Checks a stop's dates against the tour and the unit's other stops: 400 naming {@code startsOn} or
     * {@code endsOn} when reversed or outside the tour's year, 409 naming the stop it overlaps.
     *
     * @param unitStops every stop of the unit, on all its tours, except the one being changed
     */
    public void requireFits(LocalDate startsOn, LocalDate endsOn, List<TourStop> unitStops) {
        if (endsOn.isBefore(startsOn)) {
            throw DomainException.invalid("endsOn", "must not be before startsOn");
        }
        if (startsOn.getYear() != year) {
            throw DomainException.invalid("startsOn", "must fall in the tour's year " + year);
        }
        if (endsOn.getYear() != year) {
            throw DomainException.invalid("endsOn", "must fall in the tour's year " + year);
        }
        for (TourStop other : unitStops) {
            if (!other.startsOn.isAfter(endsOn) && !startsOn.isAfter(other.endsOn)) {
                throw DomainException.conflict("stop-overlaps", "Stop overlaps another",
                        "The unit is at " + other.placeName + " from " + other.startsOn + " to " + other.endsOn
                                + " (stop " + other.id + ")");
            }
        }
    }
}
