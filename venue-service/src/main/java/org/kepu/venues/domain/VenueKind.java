package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** The kinds of place where outreach happens, as the 2024 work points list them. */
public enum VenueKind implements Labelled {
    SCIENCE_MUSEUM, COUNTY_SCIENCE_MUSEUM, SCHOOL_SCIENCE_MUSEUM, VIRTUAL_SCIENCE_MUSEUM, EDUCATION_BASE, LIBRARY, MUSEUM, PARK, NATURE_RESERVE, CINEMA, AIRPORT, STATION, E_STATION, PRACTICE_CENTRE, CARAVAN, TOURING_EXHIBITION;

    /** Caravans and touring exhibitions move between stops on a tour instead of receiving visitors at one place. */
    public boolean isMobile() {
        return this == CARAVAN || this == TOURING_EXHIBITION;
    }
}
