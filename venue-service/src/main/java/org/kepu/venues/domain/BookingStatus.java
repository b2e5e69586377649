package org.kepu.venues.domain;

/** Where a group visit booking stands; only a confirmed one holds seats. */
public enum BookingStatus {
    CONFIRMED, CANCELLED, REJECTED, ATTENDED
}
