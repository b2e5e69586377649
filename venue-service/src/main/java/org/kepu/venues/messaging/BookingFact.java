package org.kepu.venues.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.BookingStatus;

/**
 * The payload of every {@code kepu.visit-slot.*} and {@code kepu.booking.*} fact: sizes and seats, the venue's place so
 * that reports need no lookup, and never the school's contact. Changes are additive. Made by
 * {@link BookingFactMapper}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingFact(
        @Schema(description = "Absent on slot facts") UUID bookingId, @NotNull UUID slotId, @NotNull UUID venueId,
        String cityCode, String economicRegion, @NotNull OffsetDateTime slotStartsAt, int slotCapacity,
        int slotBookedSeats, @Schema(description = "Absent on slot facts") Integer size,
        @Schema(description = "Absent on slot facts") BookingStatus status, Integer attended,
        @NotNull String divisionCode,
        @Schema(description = "The booking's version, absent on slot facts: a consumer keeps the newest") Long version) {
}
