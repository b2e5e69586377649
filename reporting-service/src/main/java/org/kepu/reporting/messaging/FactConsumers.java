package org.kepu.reporting.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.kepu.common.inbox.PoisonFact;
import org.kepu.reporting.messaging.ReadModels.Feed;

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
        updates.apply(Feed.EVENTS, record.value());
    }

    /** {@code kepu.venues} → the venue read model. */
    @Incoming("venue-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onVenueFact(ConsumerRecord<String, String> record) {
        updates.apply(Feed.VENUES, record.value());
    }

    /** {@code kepu.tours} → the touring-stop read model. */
    @Incoming("tour-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onTourFact(ConsumerRecord<String, String> record) {
        updates.apply(Feed.TOURS, record.value());
    }

    /** {@code kepu.registrations} → participants (registrations' sizes, statuses and check-ins). */
    @Incoming("registration-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onRegistrationFact(ConsumerRecord<String, String> record) {
        updates.apply(Feed.REGISTRATIONS, record.value());
    }

    /** {@code kepu.bookings} → school visits (bookings' sizes, statuses and visitors). */
    @Incoming("booking-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onBookingFact(ConsumerRecord<String, String> record) {
        updates.apply(Feed.BOOKINGS, record.value());
    }

    /** One fact applied exactly once, each call in a transaction of its own (a retry starts afresh). */
    @ApplicationScoped
    public static class ReadModelUpdates {

        private final ReadModels readModels;

        public ReadModelUpdates(ReadModels readModels) {
            this.readModels = readModels;
        }

        @Transactional
        public void apply(Feed feed, String json) {
            readModels.apply(feed, json);
        }
    }
}
