package org.kepu.venues.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kepu.common.privacy.Phones;
import org.kepu.venues.domain.BookingStatus;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.domain.VisitSlot;

/**
 * A group visit booking. The leader's phone is whole only for the booker and for a manager reading one booking; lists
 * and exports mask it (138****1234).
 */
@Schema(name = "VisitBooking")
public record BookingView(UUID id, UUID venueId, UUID slotId, OffsetDateTime slotStartsAt, OffsetDateTime slotEndsAt,
        int size, String school, String grade, String leaderName,
        @Schema(description = "Masked in lists", example = "138****8000") String leaderPhone, BookingStatus status,
        String rejectReason, Integer attended, OffsetDateTime createdAt, long version) {

    /** With the whole contact. */
    static BookingView whole(VisitBooking booking, VisitSlot slot) {
        return of(booking, slot, booking.leaderPhone);
    }

    /** For lists and exports: the phone masked. */
    static BookingView inList(VisitBooking booking, VisitSlot slot) {
        return of(booking, slot, Phones.mask(booking.leaderPhone));
    }

    private static BookingView of(VisitBooking booking, VisitSlot slot, String phone) {
        return new BookingView(booking.id, booking.venueId, booking.slotId,
                slot == null ? null : SlotView.local(slot.startsAt), slot == null ? null : SlotView.local(slot.endsAt),
                booking.size, booking.school, booking.grade, booking.leaderName, phone, booking.status(),
                booking.rejectReason(), booking.attended(), SlotView.local(booking.createdAt), booking.version);
    }
}
