package org.kepu.venues.messaging;

import org.kepu.venues.domain.Tour;
import org.kepu.venues.domain.TourStop;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the payload of tour and stop facts from the entities. A field added to {@link Tour} or {@link TourStop}
 * fails the build here until the fact carries it or the lists below say why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface TourFactMapper {

    /** A tour fact, or with {@code stop} given a stop fact ({@code removed} when the stop is gone). */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Reports count stops and visitors by unit, year and place; who organises is for readers of the tour.
            "organizer",
            // Bookkeeping: the version orders a tour's facts.
            "createdAt", "updatedAt"})
    @Mapping(target = "tourId", source = "id")
    @Mapping(target = "stop", expression = "java(stop == null ? null : toStop(stop, removed))")
    TourFact toFact(Tour tour, @Context TourStop stop, @Context boolean removed);

    /** A stop as reports count it. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // The fact's keys are the tour and unit; reports count by division, city and region, not by place name.
            "tourId", "unitId", "venueId", "placeName", "address", "latitude", "longitude",
            // Bookkeeping: the tour's version orders the unit's facts.
            "createdAt", "updatedAt", "version"})
    @Mapping(target = "visitors", expression = "java(stop.visitors())")
    @Mapping(target = "removed", expression = "java(removed)")
    TourFact.Stop toStop(TourStop stop, @Context boolean removed);
}
