package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** How a venue serves visitors with disabilities, families and groups; searchable one feature at a time. */
public enum Accessibility implements Labelled {
    WHEELCHAIR_ACCESS, ACCESSIBLE_TOILET, PARKING, GUIDED_TOURS, TACTILE_GUIDES, SIGN_LANGUAGE, NURSING_ROOM;
}
