package org.kepu.venues.messaging;

import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.domain.VisitSlot;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the payload of slot and booking facts from the entities, with the venue's place. A field added to
 * {@link VisitSlot} or {@link VisitBooking} fails the build here until the fact carries it or the lists below say why
 * it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface BookingFactMapper {

    /** A slot fact: no booking, so its fields are absent. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Reports count seats by the slot's start and place; when it ends, for whom and its notes are for visitors.
            "endsAt", "audience", "notes",
            // Bookkeeping: the fact's version is a booking's, and a slot's facts stay in order on the venue's key.
            "createdAt", "version"})
    @Mapping(target = "bookingId", ignore = true)
    @Mapping(target = "slotId", source = "id")
    @Mapping(target = "slotStartsAt", source = "startsAt")
    @Mapping(target = "slotCapacity", source = "capacity")
    @Mapping(target = "slotBookedSeats", expression = "java(slot.bookedSeats())")
    @Mapping(target = "size", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "attended", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "cityCode", expression = "java(venue.cityCode)")
    @Mapping(target = "economicRegion", expression = "java(venue.economicRegion)")
    @Mapping(target = "divisionCode", expression = "java(venue.divisionCode)")
    BookingFact toFact(VisitSlot slot, @Context Venue venue);

    /** A booking fact, with the seats of its slot after the change. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Never a contact: the school and its leader stay in the service.
            "school", "grade", "leaderName", "leaderPhone",
            // Bookkeeping: the version orders a booking's facts.
            "createdAt", "updatedAt"})
    @Mapping(target = "bookingId", source = "id")
    @Mapping(target = "slotStartsAt", expression = "java(slot.startsAt)")
    @Mapping(target = "slotCapacity", expression = "java(slot.capacity)")
    @Mapping(target = "slotBookedSeats", expression = "java(slot.bookedSeats())")
    @Mapping(target = "status", expression = "java(booking.status())")
    @Mapping(target = "attended", expression = "java(booking.attended())")
    @Mapping(target = "cityCode", expression = "java(venue.cityCode)")
    @Mapping(target = "economicRegion", expression = "java(venue.economicRegion)")
    @Mapping(target = "divisionCode", expression = "java(venue.divisionCode)")
    BookingFact toFact(VisitBooking booking, @Context VisitSlot slot, @Context Venue venue);
}
