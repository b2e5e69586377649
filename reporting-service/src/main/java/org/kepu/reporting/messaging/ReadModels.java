package org.kepu.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.inbox.FactApplier;
import org.kepu.common.inbox.PoisonFact;
import org.kepu.reporting.domain.BookingSummary;
import org.kepu.reporting.domain.EventSummary;
import org.kepu.reporting.domain.RegistrationSummary;
import org.kepu.reporting.domain.TourStopSummary;
import org.kepu.reporting.domain.VenueSummary;
import org.kepu.reporting.repository.EventSummaryRepository;
import org.kepu.reporting.repository.ParticipationRepository;
import org.kepu.reporting.repository.TourStopSummaryRepository;
import org.kepu.reporting.repository.VenueSummaryRepository;

/**
 * The read models fed from Kafka, one per feed, and how a fact of each feed changes them. Used by the live consumers
 * and by the rebuild alike, so both build the same figures; must run inside the caller's transaction.
 */
@ApplicationScoped
public class ReadModels {

    /** A topic the reports read, by the channel that reads it ({@code mp.messaging.incoming.<channel>.topic}). */
    public enum Feed {
        EVENTS("event-facts"), REGISTRATIONS("registration-facts"), VENUES("venue-facts"), BOOKINGS("booking-facts"), TOURS(
                "tour-facts");

        private final String channel;

        Feed(String channel) {
            this.channel = channel;
        }

        public String channel() {
            return channel;
        }
    }

    private final FactApplier applier;
    private final EventSummaryRepository events;
    private final VenueSummaryRepository venues;
    private final TourStopSummaryRepository stops;
    private final ParticipationRepository participation;

    public ReadModels(FactApplier applier, EventSummaryRepository events, VenueSummaryRepository venues,
            TourStopSummaryRepository stops, ParticipationRepository participation) {
        this.applier = applier;
        this.events = events;
        this.venues = venues;
        this.stops = stops;
        this.participation = participation;
    }

    /** Applies one fact once (the inbox skips a repeat); {@link PoisonFact} when it cannot be read. */
    public void apply(Feed feed, String json) {
        switch (feed) {
            case EVENTS -> applier.apply("reporting.event-summary", json, EventSummary.class, events::upsert);
            case REGISTRATIONS -> applier.apply("reporting.registrations", json, RegistrationSummary.class,
                    participation::upsert);
            case VENUES -> applier.apply("reporting.venue-summary", json, VenueSummary.class, venues::upsert);
            case BOOKINGS -> applier.apply("reporting.bookings", json, BookingSummary.class, participation::upsert);
            case TOURS -> applier.apply("reporting.tour-stops", json, TourStopSummary.class, stops::upsert);
        }
    }
}
