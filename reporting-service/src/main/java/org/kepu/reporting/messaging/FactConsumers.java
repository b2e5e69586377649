package org.kepu.reporting.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.kepu.common.inbox.FactApplier;
import org.kepu.common.inbox.PoisonFact;
import org.kepu.reporting.domain.EventSummary;
import org.kepu.reporting.domain.TourStopSummary;
import org.kepu.reporting.domain.VenueSummary;
import org.kepu.reporting.repository.EventSummaryRepository;
import org.kepu.reporting.repository.TourStopSummaryRepository;
import org.kepu.reporting.repository.VenueSummaryRepository;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the read models up to date from the facts topics, one message per transaction, in partition order. Each
 * attempt runs in a fresh transaction ({@link ReadModelUpdates}), so retries ride out a database restart; a message
 * that cannot be read, or still fails after the retries, goes to {@code kepu.dead-letters} with the reason and the
 * topic moves on (the channels' dead-letter strategy).
 */
@ApplicationScoped
public class FactConsumers {

    private final ReadModelUpdates updates;

    public FactConsumers(ReadModelUpdates updates) {
        this.updates = updates;
    }

    /** {@code kepu.events} → the event read model. */
    @Incoming("event-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onEventFact(ConsumerRecord<String, String> record) {
        updates.applyEventFact(record.value());
    }

    /** {@code kepu.venues} → the venue read model. */
    @Incoming("venue-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onVenueFact(ConsumerRecord<String, String> record) {
        updates.applyVenueFact(record.value());
    }

    /** {@code kepu.tours} → the touring-stop read model. */
    @Incoming("tour-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onTourFact(ConsumerRecord<String, String> record) {
        updates.applyTourFact(record.value());
    }

    /** One fact applied exactly once, each call in a transaction of its own (a retry starts afresh). */
    @ApplicationScoped
    public static class ReadModelUpdates {

        private final FactApplier applier;
        private final EventSummaryRepository events;
        private final VenueSummaryRepository venues;
        private final TourStopSummaryRepository stops;

        public ReadModelUpdates(FactApplier applier, EventSummaryRepository events, VenueSummaryRepository venues,
                TourStopSummaryRepository stops) {
            this.applier = applier;
            this.events = events;
            this.venues = venues;
            this.stops = stops;
        }

        @Transactional
        public void applyEventFact(String json) {
            applier.apply("reporting.event-summary", json, EventSummary.class, events::upsert);
        }

        @Transactional
        public void applyVenueFact(String json) {
            applier.apply("reporting.venue-summary", json, VenueSummary.class, venues::upsert);
        }

        @Transactional
        public void applyTourFact(String json) {
            applier.apply("reporting.tour-stops", json, TourStopSummary.class, stops::upsert);
        }
    }
}
