package org.kepu.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.kepu.common.divisions.Division;

/**
 * A {@link VersionedEntity} that stands somewhere in Guangdong (an event, a venue, a tour's stop): its division, the
 * city and economic region that follow from it, and its address and point, written once with the rule that keeps them
 * together. The city and region are stored, not looked up, so that regional searches and reports use an index.
 */
@MappedSuperclass
public abstract class PlacedEntity extends VersionedEntity {

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    /** The division's prefecture-level city, derived from the division code whenever it is placed. */
    @Column(name = "city_code")
    public String cityCode;

    /** The city's economic region (PRD, EAST, WEST, NORTH), derived with it. */
    @Column(name = "economic_region")
    public String economicRegion;

    public String address;

    public Double latitude;

    public Double longitude;

    /** Puts it in a division; its city and economic region follow from the division's city (null if it has none). */
    public void placeIn(String divisionCode, Division city) {
        this.divisionCode = divisionCode;
        cityCode = city == null ? null : city.code();
        economicRegion = city == null ? null : city.economicRegion().name();
    }
}
