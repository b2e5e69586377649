package org.kepu.reporting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.inbox.FactApplier;
import org.kepu.common.inbox.FactApplier.Unreadable;
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
        List<Unreadable> unreadable = applyAll(feed, List.of(json));
        if (!unreadable.isEmpty()) {
            throw unreadable.get(0).reason();
        }
    }

    /** Applies facts of one feed in order, each once; the unreadable ones are skipped and returned by index. */
    public List<Unreadable> applyAll(Feed feed, List<String> jsons) {
        return switch (feed) {
            case EVENTS -> applier.applyTogether("reporting.event-summary", jsons, EventSummary.class,
                    events::upsertAll);
            case REGISTRATIONS -> applier.applyTogether("reporting.registrations", jsons,
                    RegistrationSummary.class, participation::upsertRegistrations);
            case VENUES -> applier.applyAll("reporting.venue-summary", jsons, VenueSummary.class, venues::upsert);
            case BOOKINGS -> applier.applyTogether("reporting.bookings", jsons, BookingSummary.class,
                    participation::upsertBookings);
            case TOURS -> applier.applyAll("reporting.tour-stops", jsons, TourStopSummary.class, stops::upsert);
        };
    }
}
