package org.kepu.venues.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.outbox.Outbox;
import org.kepu.venues.domain.Tour;
import org.kepu.venues.domain.TourStop;

/** Writes tour and stop facts to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class TourFacts {

    /** The topic of tour facts, keyed by the unit's id (one unit's facts stay in order). */
    public static final String TOPIC = "kepu.tours";
    public static final String TOUR_CREATED = "kepu.tour.created";
    public static final String TOUR_UPDATED = "kepu.tour.updated";
    public static final String STOP_ADDED = "kepu.tour-stop.added";
    public static final String STOP_CHANGED = "kepu.tour-stop.changed";
    public static final String STOP_REMOVED = "kepu.tour-stop.removed";
    public static final String VISITORS_REPORTED = "kepu.tour-stop.visitors-reported";

    private final Outbox outbox;
    private final TourFactMapper facts;

    public TourFacts(Outbox outbox, TourFactMapper facts) {
        this.outbox = outbox;
        this.facts = facts;
    }

    public void tour(String type, Tour tour) {
        outbox.append(TOPIC, type, tour.unitId, facts.toFact(tour, null, false));
    }

    public void stop(String type, Tour tour, TourStop stop) {
        outbox.append(TOPIC, type, tour.unitId, facts.toFact(tour, stop, STOP_REMOVED.equals(type)));
    }
}
