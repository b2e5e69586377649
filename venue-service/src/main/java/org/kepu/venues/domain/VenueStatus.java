package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** Whether a venue receives visitors. A closed venue is kept (events and reports name it) but no longer listed. */
public enum VenueStatus implements Labelled {
    ACTIVE, TEMPORARILY_CLOSED, CLOSED;
}
