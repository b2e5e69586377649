package org.kepu.events.messaging;

import org.kepu.events.domain.Event;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the payload of the {@code kepu.event.*} facts from the entity. A field added to {@link Event} fails the build
 * here until the fact carries it or the list below says why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface EventFactMapper {

    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Long texts and the exact place: consumers count and group events, they do not display them; the API
            // and the change feed serve the full event.
            "descriptionZh", "descriptionEn", "streamUrl", "address", "latitude", "longitude",
            // Registrations travel as their own facts (kepu.registrations), with the seat counts after each change.
            "registrationOpensAt", "registrationClosesAt", "takesRegistrations", "registrationSizeCap",
            "keepsWaitList", "confirmedSeats", "waitListLength", "waitListedSeats", "checkedInPeople",
            // Bookkeeping of the service: when rows were made and moved, and what a partner last pushed.
            "createdAt", "updatedAt", "cancelledAt", "completedAt", "pushDigest",
            // Event.isPublic(): a rule, not a field.
            "public"})
    EventFact toFact(Event event);
}
