package org.kepu.venues.rest;

import java.time.OffsetDateTime;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.privacy.Phones;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.domain.VisitSlot;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the API's views of visit slots and bookings from the entities. A field added to {@link VisitSlot} or
 * {@link VisitBooking} fails the build here until the view shows it or the lists below say why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface BookingViewMapper {

    /** A slot as everybody sees it, with its seats left. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Bookkeeping: slots are not changed with If-Match, and when one was published tells a visitor nothing.
            "createdAt", "version"})
    @Mapping(target = "seatsLeft", expression = "java(slot.seatsLeft())")
    @Mapping(target = "status", expression = "java(slot.status())")
    SlotView toView(VisitSlot slot);

    /** A booking with its whole contact: for its booker and a manager reading that one booking. */
    default BookingView whole(VisitBooking booking, VisitSlot slot) {
        return toView(booking, slot, false);
    }

    /** A booking for lists and exports: the phone masked. */
    default BookingView inList(VisitBooking booking, VisitSlot slot) {
        return toView(booking, slot, true);
    }

    /** A booking, with its slot's times when the slot is given. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Bookkeeping: the version tells a change.
            "updatedAt"})
    @Mapping(target = "slotStartsAt", expression = "java(slot == null ? null : local(slot.startsAt))")
    @Mapping(target = "slotEndsAt", expression = "java(slot == null ? null : local(slot.endsAt))")
    @Mapping(target = "leaderPhone", source = "leaderPhone", qualifiedByName = "phone")
    @Mapping(target = "status", expression = "java(booking.status())")
    @Mapping(target = "rejectReason", expression = "java(booking.rejectReason())")
    @Mapping(target = "attended", expression = "java(booking.attended())")
    BookingView toView(VisitBooking booking, @Context VisitSlot slot, @Context boolean masked);

    /** The leader's phone, whole or masked (138****1234). */
    @Named("phone")
    default String phone(String phone, @Context boolean masked) {
        return masked ? Phones.mask(phone) : phone;
    }

    /** Every time the API shows is in Asia/Shanghai. */
    default OffsetDateTime local(OffsetDateTime time) {
        return ProvinceTime.local(time);
    }
}
