package org.kepu.venues.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.venues.domain.BookingStatus;

/**
 * A group visit booking. The leader's phone is whole only for the booker and for a manager reading one booking; lists
 * and exports mask it (138****1234). Made by {@link BookingViewMapper}.
 */
@Schema(name = "VisitBooking")
public record BookingView(UUID id, UUID venueId, UUID slotId, OffsetDateTime slotStartsAt, OffsetDateTime slotEndsAt,
        int size, String school, String grade, String leaderName,
        @Schema(description = "Masked in lists", example = "138****8000") String leaderPhone, BookingStatus status,
        String rejectReason, Integer attended, OffsetDateTime createdAt, long version) {
}
