package org.kepu.events.messaging;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.kepu.events.domain.RegistrationKind;
import org.kepu.events.domain.RegistrationStatus;

/**
 * The payload of every {@code kepu.registration.*} fact: one registration after the change, without its contact (who
 * registered is personal information and never leaves event-service), and the event's seat counts after it, so that a
 * consumer keeps its figures without a lookup.
 */
public record RegistrationFact(@NotNull UUID registrationId, @NotNull UUID eventId, long version,
        @NotNull RegistrationKind kind, int size, @NotNull RegistrationStatus status, boolean checkedIn,
        @NotNull Seats seats) {

    /** The event's counts after the change. */
    public record Seats(int capacity, int confirmedSeats, int waitListLength, int waitListedSeats, int checkedInPeople) {
    }
}
