package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** The families of venue kinds, as the plans group places: museums, bases, public facilities, grassroots, mobile. */
public enum VenueCategory implements Labelled {
    SCIENCE_MUSEUMS, EDUCATION_BASES, PUBLIC_FACILITIES, GRASSROOTS, MOBILE_UNITS;
}
