package org.kepu.venues.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.vocabulary.Audience;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.SlotStatus;
import org.kepu.venues.domain.VisitSlot;

/** A visit slot as everybody sees it: times in Asia/Shanghai, seats left, never who booked. */
@Schema(name = "VisitSlot")
public record SlotView(UUID id, UUID venueId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
        int seatsLeft, Audience audience, String notes, SlotStatus status) {

    static SlotView from(VisitSlot slot) {
        return new SlotView(slot.id, slot.venueId, local(slot.startsAt), local(slot.endsAt), slot.capacity,
                slot.seatsLeft(), slot.audience, slot.notes, slot.status());
    }

    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(OpeningHours.ZONE).toOffsetDateTime();
    }
}
