package org.kepu.events.service;

import java.util.List;

import org.kepu.events.domain.Event;
import org.mapstruct.BeanMapping;
import org.mapstruct.CollectionMappingStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/**
 * Copies a draft's plain fields onto an event. Fields that a rule sets (the place, the series, how registrations are
 * taken) and fields the service owns are named below; a field added to {@link Event} fails the build here until the
 * draft carries it or it is named.
 */
// Lists are assigned, never cleared in place: an entity's list may be an immutable one from an earlier apply.
@Mapper(collectionMappingStrategy = CollectionMappingStrategy.TARGET_IMMUTABLE)
public interface EventDraftMapper {

    @BeanMapping(ignoreUnmappedSourceProperties = {"startsAt", "endsAt", "registrationOpensAt",
            "registrationClosesAt", "format", "streamUrl", "divisionCode", "latitude", "longitude", "venueId", "seriesId",
            "capacity", "takesRegistrations", "registrationSizeCap", "keepsWaitList", "organizerOrg"})
    // Set by the event's rules: schedule, attendBy, placeAt (the place, from the draft or its venue), joinSeries,
    // offerRegistration.
    @Mapping(target = "startsAt", ignore = true)
    @Mapping(target = "endsAt", ignore = true)
    @Mapping(target = "registrationOpensAt", ignore = true)
    @Mapping(target = "registrationClosesAt", ignore = true)
    @Mapping(target = "format", ignore = true)
    @Mapping(target = "streamUrl", ignore = true)
    @Mapping(target = "divisionCode", ignore = true)
    @Mapping(target = "cityCode", ignore = true)
    @Mapping(target = "economicRegion", ignore = true)
    @Mapping(target = "latitude", ignore = true)
    @Mapping(target = "longitude", ignore = true)
    @Mapping(target = "venueId", ignore = true)
    @Mapping(target = "seriesId", ignore = true)
    @Mapping(target = "capacity", ignore = true)
    @Mapping(target = "takesRegistrations", ignore = true)
    @Mapping(target = "registrationSizeCap", ignore = true)
    @Mapping(target = "keepsWaitList", ignore = true)
    // Owned by the service and the lifecycle: identity, owner, state, counts, attendance, partner source, times.
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "organizerOrg", ignore = true)
    @Mapping(target = "status", ignore = true)
    @Mapping(target = "cancelReason", ignore = true)
    @Mapping(target = "confirmedSeats", ignore = true)
    @Mapping(target = "waitListLength", ignore = true)
    @Mapping(target = "waitListedSeats", ignore = true)
    @Mapping(target = "checkedInPeople", ignore = true)
    @Mapping(target = "attendanceOffline", ignore = true)
    @Mapping(target = "attendanceOnline", ignore = true)
    @Mapping(target = "partnerId", ignore = true)
    @Mapping(target = "externalId", ignore = true)
    @Mapping(target = "pushDigest", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "publishedAt", ignore = true)
    @Mapping(target = "cancelledAt", ignore = true)
    @Mapping(target = "completedAt", ignore = true)
    @Mapping(target = "version", ignore = true)
    void apply(EventDraft draft, @MappingTarget Event event);

    /** A vocabulary's values by name, each once, in the order given; none when the draft names none. */
    default <E extends Enum<E>> List<String> names(List<E> values) {
        return values == null ? List.of() : values.stream().distinct().map(Enum::name).toList();
    }

    /** The units as given; none when the draft names none. */
    default List<String> units(List<String> units) {
        return units == null ? List.of() : List.copyOf(units);
    }
}
