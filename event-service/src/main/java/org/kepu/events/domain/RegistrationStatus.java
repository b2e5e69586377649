package org.kepu.events.domain;

/** Where a registration stands; confirmed and wait-listed ones are live, and hold the phone number for the event. */
public enum RegistrationStatus {
    /** Its whole size has seats. */
    CONFIRMED,
    /** Waiting for seats, in arrival order. */
    WAIT_LISTED,
    /** Cancelled by the attendee, the organizer, or with the event. */
    CANCELLED;

    public boolean isLive() {
        return this != CANCELLED;
    }
}
