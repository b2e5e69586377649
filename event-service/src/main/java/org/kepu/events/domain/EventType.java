package org.kepu.events.domain;

import org.kepu.common.vocabulary.Labelled;

/** The kinds of outreach event named in the seed plans, with their Chinese and English labels. */
public enum EventType implements Labelled {
    SCIENCE_WEEK, SCIENCE_DAY, CARNIVAL, OPEN_DAY, SCIENCE_NIGHT, LECTURE, COMPETITION, THEMED_DAY, EXHIBITION, TRAINING, RURAL_OUTREACH, CARAVAN_VISIT, TOUR, VOLUNTEER_SERVICE, OTHER;
}
