package org.kepu.venues.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kepu.venues.domain.BookingStatus;

/**
 * The payload of every {@code kepu.visit-slot.*} and {@code kepu.booking.*} fact: sizes and seats, the venue's place so
 * that reports need no lookup, and never the school's contact. Changes are additive. Made by
 * {@link BookingFactMapper}.
 *
 * @param bookingId absent on slot facts
 * @param version the booking's version (absent on slot facts): a consumer keeps the newest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingFact(UUID bookingId, UUID slotId, UUID venueId, String cityCode, String economicRegion,
        OffsetDateTime slotStartsAt, int slotCapacity, int slotBookedSeats, Integer size, BookingStatus status,
        Integer attended, String divisionCode, Long version) {
}
