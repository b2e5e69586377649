package org.kepu.venues.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.vocabulary.Audience;
import org.kepu.venues.domain.SlotStatus;

/**
 * A visit slot as everybody sees it: times in Asia/Shanghai, seats left, never who booked. Made by
 * {@link BookingViewMapper}.
 */
@Schema(name = "VisitSlot")
public record SlotView(UUID id, UUID venueId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
        int seatsLeft, Audience audience, String notes, SlotStatus status) {
}
