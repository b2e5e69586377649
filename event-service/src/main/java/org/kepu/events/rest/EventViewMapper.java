package org.kepu.events.rest;

import java.time.OffsetDateTime;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.geo.GeoPoint;
import org.kepu.events.domain.Event;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the API's view of an event from the entity. A field added to {@link Event} fails the build here until the
 * view shows it or the list below says why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface EventViewMapper {

    /** The event as the API shows it; with {@code from} given, with its distance from that point. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Registration settings and counts are shown together, in registrations.
            "takesRegistrations", "registrationSizeCap", "keepsWaitList", "confirmedSeats", "waitListLength",
            "waitListedSeats", "checkedInPeople",
            // Bookkeeping of the service: when rows were made and moved, and what a partner last pushed.
            "createdAt", "cancelledAt", "completedAt", "pushDigest",
            // Event.isPublic(): a rule, not a field.
            "public"})
    @Mapping(target = "registrations", source = ".")
    @Mapping(target = "distanceKm", expression = "java(distanceKm(event, from))")
    EventView toView(Event event, @Context GeoPoint from);

    /** The event as the API shows it. */
    default EventView toView(Event event) {
        return toView(event, null);
    }

    /** What the public sees of an event's registrations: counts only, never who registered. */
    default EventView.Registrations registrations(Event event) {
        if (!event.takesRegistrations) {
            return null;
        }
        return new EventView.Registrations(event.registrationSizeCap, event.keepsWaitList, event.confirmedSeats,
                Math.max(0, event.capacity - event.confirmedSeats), event.waitListLength, event.checkedInPeople);
    }

    /** Every time the API shows is in the province's zone. */
    default OffsetDateTime local(OffsetDateTime time) {
        return ProvinceTime.local(time);
    }

    default Double distanceKm(Event event, GeoPoint from) {
        return from == null ? null : from.roundedDistanceKm(event.latitude, event.longitude);
    }
}
