package org.kepu.venues.domain;

import static org.kepu.venues.domain.VenueCategory.EDUCATION_BASES;
import static org.kepu.venues.domain.VenueCategory.GRASSROOTS;
import static org.kepu.venues.domain.VenueCategory.MOBILE_UNITS;
import static org.kepu.venues.domain.VenueCategory.PUBLIC_FACILITIES;
import static org.kepu.venues.domain.VenueCategory.SCIENCE_MUSEUMS;

import org.kepu.common.vocabulary.Labelled;

/**
 * The kinds of place where outreach happens, as the 2021 and 2024 plans name them, each in its {@link VenueCategory}.
 * New kinds are added at the end of their category; codes are never renamed (facts and reports carry them).
 */
public enum VenueKind implements Labelled {
    SCIENCE_MUSEUM(SCIENCE_MUSEUMS), COUNTY_SCIENCE_MUSEUM(SCIENCE_MUSEUMS), SCHOOL_SCIENCE_MUSEUM(
            SCIENCE_MUSEUMS), VIRTUAL_SCIENCE_MUSEUM(SCIENCE_MUSEUMS), SPECIALISED_SCIENCE_MUSEUM(
                    SCIENCE_MUSEUMS), EDUCATION_BASE(EDUCATION_BASES), RESEARCH_INSTITUTION(EDUCATION_BASES), LIBRARY(
                            PUBLIC_FACILITIES), MUSEUM(PUBLIC_FACILITIES), CULTURAL_CENTRE(PUBLIC_FACILITIES), PARK(
                                    PUBLIC_FACILITIES), ZOO_OR_BOTANICAL_GARDEN(PUBLIC_FACILITIES), NATURE_RESERVE(
                                            PUBLIC_FACILITIES), CINEMA(PUBLIC_FACILITIES), AIRPORT(PUBLIC_FACILITIES), STATION(
                                                    PUBLIC_FACILITIES), E_STATION(GRASSROOTS), PRACTICE_CENTRE(
                                                            GRASSROOTS), COMMUNITY_CENTRE(GRASSROOTS), CARAVAN(
                                                                    MOBILE_UNITS), TOURING_EXHIBITION(MOBILE_UNITS);

    private final VenueCategory category;

    VenueKind(VenueCategory category) {
        this.category = category;
    }

    public VenueCategory category() {
        return category;
    }

    /** Whether visitors come to it at a point on the map: every kind but virtual museums and mobile units. */
    public boolean hasFixedPlace() {
        return this != VIRTUAL_SCIENCE_MUSEUM && !isMobile();
    }

    /** Caravans and touring exhibitions move between stops on a tour instead of receiving visitors at one place. */
    public boolean isMobile() {
        return category == MOBILE_UNITS;
    }
}
