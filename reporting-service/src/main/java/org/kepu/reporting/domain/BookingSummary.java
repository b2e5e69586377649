package org.kepu.reporting.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the reports keep of a school's visit booking, bound from a {@code kepu.booking.*} fact; slot facts carry no
 * booking id and are not kept.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingSummary(UUID bookingId, UUID slotId, UUID venueId, String divisionCode, String cityCode,
        String economicRegion, OffsetDateTime slotStartsAt, Long version, Integer size, String status,
        Integer attended) {

    /** As stored: a fact from before bookings carried a version counts as version 0. */
    public BookingSummary versioned() {
        return version != null
                ? this
                : new BookingSummary(bookingId, slotId, venueId, divisionCode, cityCode, economicRegion, slotStartsAt,
                        0L, size, status, attended);
    }

    /** Whether the fact is about a booking (rather than a slot). */
    public boolean isBooking() {
        return bookingId != null && size != null && status != null;
    }
}
