package org.kepu.venues.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.divisions.Divisions;
import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.paging.Page;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.security.Caller;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.Tour;
import org.kepu.venues.domain.TourStop;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueStatus;
import org.kepu.venues.messaging.TourFacts;
import org.kepu.venues.repository.TourRepository;
import org.kepu.venues.repository.TourStopRepository;
import org.kepu.venues.repository.VenueRepository;

/**
 * Tours of mobile units and their stops; each public method is one transaction. Changes to a unit's tours queue behind
 * the unit's venue row, so two stops of one unit are never placed at the same time by two requests at once.
 */
@ApplicationScoped
public class TourService {

    /** A tour with its stops in date order. */
    public record TourWithStops(Tour tour, List<TourStop> stops) {
    }

    private final VenueService venueService;
    private final VenueRepository venues;
    private final TourRepository tours;
    private final TourStopRepository stops;
    private final TourFacts facts;
    private final Divisions divisions;

    public TourService(VenueService venueService, VenueRepository venues, TourRepository tours,
            TourStopRepository stops, TourFacts facts, Divisions divisions) {
        this.venueService = venueService;
        this.venues = venues;
        this.tours = tours;
        this.stops = stops;
        this.facts = facts;
        this.divisions = divisions;
    }

    /** The unit's managers and admins create its tours. */
    @Transactional
    public TourWithStops create(TourRequest request, Caller caller) {
        Venue unit = venueService.managed(request.unitId(), ExpectedVersion.ANY, caller);
        Tour tour = Tour.of(unit, request.name().strip(), request.year(), request.organizer());
        tours.persist(tour);
        tours.flush();
        facts.tour(TourFacts.TOUR_CREATED, tour);
        return new TourWithStops(tour, List.of());
    }

    @Transactional
    public TourWithStops update(UUID id, ExpectedVersion expected, TourRequest request, Caller caller) {
        Tour tour = managed(id, caller);
        expected.requireMatches(tour.version, "Tour " + id);
        if (!tour.unitId.equals(request.unitId())) {
            throw DomainException.invalid("unitId", "cannot change: a tour stays with its unit");
        }
        List<TourStop> itsStops = stops.ofTour(id);
        tour.describe(request.name().strip(), request.year(), request.organizer(), itsStops);
        tours.flush();
        facts.tour(TourFacts.TOUR_UPDATED, tour);
        return new TourWithStops(tour, itsStops);
    }

    @Transactional
    public TourWithStops get(UUID id) {
        Tour tour = tours.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Tour", id));
        return new TourWithStops(tour, stops.ofTour(id));
    }

    @Transactional
    public List<TourWithStops> list(UUID unitId, Integer year) {
        List<Tour> found = tours.matching(unitId, year);
        var stopsByTour = stops.ofTours(found.stream().map(tour -> tour.id).toList());
        return found.stream().map(tour -> new TourWithStops(tour, stopsByTour.getOrDefault(tour.id, List.of())))
                .toList();
    }

    @Transactional
    public Page<TourStop> searchStops(EconomicRegion region, String divisionCode, LocalDate from, LocalDate to,
            int page, int size) {
        return stops.search(region, divisionCode, from, to, page, size);
    }

    @Transactional
    public TourStop addStop(UUID tourId, StopRequest request, Caller caller) {
        Tour tour = managed(tourId, caller);
        TourStop stop = TourStop.of(tour);
        place(stop, tour, request, stops.ofUnit(tour.unitId, null));
        stops.persist(stop);
        stops.flush();
        facts.stop(TourFacts.STOP_ADDED, tour, stop);
        return stop;
    }

    @Transactional
    public TourStop changeStop(UUID tourId, UUID stopId, ExpectedVersion expected, StopRequest request, Caller caller) {
        Tour tour = managed(tourId, caller);
        TourStop stop = stopOf(tour, stopId);
        expected.requireMatches(stop.version, "Stop " + stopId);
        place(stop, tour, request, stops.ofUnit(tour.unitId, stop.id));
        stop.touch();
        stops.flush();
        facts.stop(TourFacts.STOP_CHANGED, tour, stop);
        return stop;
    }

    @Transactional
    public void removeStop(UUID tourId, UUID stopId, Caller caller) {
        Tour tour = managed(tourId, caller);
        TourStop stop = stopOf(tour, stopId);
        stops.delete(stop);
        stops.flush();
        facts.stop(TourFacts.STOP_REMOVED, tour, stop);
    }

    @Transactional
    public TourStop reportVisitors(UUID tourId, UUID stopId, int visitors, Caller caller) {
        Tour tour = managed(tourId, caller);
        TourStop stop = stopOf(tour, stopId);
        stop.reportVisitors(visitors, LocalDate.now(OpeningHours.ZONE));
        stops.flush();
        facts.stop(TourFacts.VISITORS_REPORTED, tour, stop);
        return stop;
    }

    /** The tour, with its unit's row locked for this transaction; 403 unless the caller manages the unit. */
    private Tour managed(UUID id, Caller caller) {
        Tour tour = tours.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Tour", id));
        venueService.managed(tour.unitId, ExpectedVersion.ANY, caller);
        return tour;
    }

    private TourStop stopOf(Tour tour, UUID stopId) {
        return stops.findByIdOptional(stopId).filter(stop -> stop.tourId.equals(tour.id))
                .orElseThrow(() -> DomainException.notFound("Stop", stopId));
    }

    /** Where and when: a venue of the directory, or an address with its division and point; then the dates' rules. */
    private void place(TourStop stop, Tour tour, StopRequest request, List<TourStop> unitStops) {
        tour.requireFits(request.startsOn(), request.endsOn(), unitStops);
        if (request.venueId() != null) {
            Venue venue = venues.findByIdOptional(request.venueId()).filter(found -> found.status() != VenueStatus.CLOSED)
                    .orElseThrow(() -> DomainException.invalid("venueId", "is not an open venue of the directory"));
            stop.venueId = venue.id;
            stop.placeName = request.placeName() != null ? request.placeName() : venue.nameZh;
            stop.address = request.address() != null ? request.address() : venue.address;
            stop.divisionCode = request.divisionCode() != null ? request.divisionCode() : venue.divisionCode;
            boolean ownPoint = request.latitude() != null;
            stop.latitude = ownPoint ? request.latitude() : venue.latitude;
            stop.longitude = ownPoint ? request.longitude() : venue.longitude;
        } else {
            require(request.placeName(), "placeName");
            require(request.divisionCode(), "divisionCode");
            require(request.latitude(), "latitude");
            require(request.longitude(), "longitude");
            stop.venueId = null;
            stop.placeName = request.placeName();
            stop.address = request.address();
            stop.divisionCode = request.divisionCode();
            stop.latitude = request.latitude();
            stop.longitude = request.longitude();
        }
        stop.placeIn(stop.divisionCode, divisions.cityOf(stop.divisionCode).orElse(null));
        stop.startsOn = request.startsOn();
        stop.endsOn = request.endsOn();
        stop.setting = request.setting();
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw DomainException.invalid(field, "is required for a stop that is not at a venue of the directory");
        }
    }
}
