package org.kepu.venues.domain;

/** Whether a visit slot takes bookings. A closed slot keeps the bookings it has. */
public enum SlotStatus {
    OPEN, CLOSED
}
