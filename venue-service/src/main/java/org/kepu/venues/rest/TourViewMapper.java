package org.kepu.venues.rest;

import java.util.List;

import org.kepu.venues.domain.Tour;
import org.kepu.venues.domain.TourStop;
import org.kepu.venues.rest.TourView.StopView;
import org.kepu.venues.service.TourService.TourWithStops;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the API's views of tours and their stops from the entities. A field added to {@link Tour} or
 * {@link TourStop} fails the build here until the view shows it or the lists below say why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface TourViewMapper {

    /** A tour with its stops in date order and its totals. */
    default TourView toView(TourWithStops found) {
        return toView(found.tour(), found.stops());
    }

    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Bookkeeping: the version tells a change.
            "createdAt", "updatedAt"})
    @Mapping(target = "stops", expression = "java(toViews(stops))")
    @Mapping(target = "stopsOutsidePrd", expression = "java(outsidePrd(stops))")
    @Mapping(target = "visitors", expression = "java(visitors(stops))")
    TourView toView(Tour tour, @Context List<TourStop> stops);

    List<StopView> toViews(List<TourStop> stops);

    /** One stop. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Bookkeeping: the version tells a change.
            "createdAt", "updatedAt"})
    @Mapping(target = "visitors", expression = "java(stop.visitors())")
    StopView toView(TourStop stop);

    /** Stops in EAST, WEST and NORTH, the less-developed regions the plan counts. */
    default long outsidePrd(List<TourStop> stops) {
        return stops.stream().filter(stop -> stop.economicRegion != null && !"PRD".equals(stop.economicRegion))
                .count();
    }

    /** Visitors reported so far. */
    default long visitors(List<TourStop> stops) {
        return stops.stream().mapToLong(stop -> stop.visitors() == null ? 0 : stop.visitors()).sum();
    }
}
