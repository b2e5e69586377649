package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** What a venue has for its visitors. */
public enum Facility implements Labelled {
    EXHIBITION_HALL, DOME_THEATRE, LECTURE_HALL, LABORATORY, MAKER_SPACE, OUTDOOR_AREA, READING_ROOM, CAFETERIA;
}
