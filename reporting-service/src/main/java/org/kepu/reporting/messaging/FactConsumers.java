package org.kepu.reporting.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.kepu.common.inbox.FactApplier.Unreadable;
import org.kepu.common.inbox.PoisonFact;
import org.kepu.reporting.config.ReportingConfig;
import org.kepu.reporting.domain.ReadModelsChanged;
import org.kepu.reporting.messaging.ReadModels.Feed;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the read models up to date from the facts topics, a poll's records per transaction, in partition order (the
 * channels run in batch mode: one commit for hundreds of facts is what lets a 2-core machine keep up with thousands a
 * second). A failed batch is retried, each attempt in a fresh transaction, so a database restart delays facts but
 * loses or doubles none; a batch that still fails is applied one fact per transaction, so that only the facts that
 * cannot be applied go to {@code kepu.dead-letters}. A fact that cannot be read goes there at once, and its batch
 * goes on.
 */
@ApplicationScoped
public class FactConsumers {

    private static final Logger LOG = Logger.getLogger(FactConsumers.class);

    private final ReadModelUpdates updates;
    private final DeadLetters deadLetters;
    private final ReportingConfig config;
    private final Event<ReadModelsChanged> changed;

    public FactConsumers(ReadModelUpdates updates, DeadLetters deadLetters, ReportingConfig config,
            Event<ReadModelsChanged> changed) {
        this.updates = updates;
        this.deadLetters = deadLetters;
        this.config = config;
        this.changed = changed;
    }

    /** {@code kepu.events} → the event read model. */
    @Incoming("event-facts")
    @Blocking
    public void onEventFacts(ConsumerRecords<String, String> records) {
        apply(Feed.EVENTS, records);
    }

    /** {@code kepu.venues} → the venue read model. */
    @Incoming("venue-facts")
    @Blocking
    public void onVenueFacts(ConsumerRecords<String, String> records) {
        apply(Feed.VENUES, records);
    }

    /** {@code kepu.tours} → the touring-stop read model. */
    @Incoming("tour-facts")
    @Blocking
    public void onTourFacts(ConsumerRecords<String, String> records) {
        apply(Feed.TOURS, records);
    }

    /** {@code kepu.registrations} → participants (registrations' sizes, statuses and check-ins). */
    @Incoming("registration-facts")
    @Blocking
    public void onRegistrationFacts(ConsumerRecords<String, String> records) {
        apply(Feed.REGISTRATIONS, records);
    }

    /** {@code kepu.bookings} → school visits (bookings' sizes, statuses and visitors). */
    @Incoming("booking-facts")
    @Blocking
    public void onBookingFacts(ConsumerRecords<String, String> records) {
        apply(Feed.BOOKINGS, records);
    }

    private void apply(Feed feed, ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        polled.forEach(records::add);
        int attempts = config.consumer().attempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                List<Unreadable> unreadable = updates.applyAll(feed, records);
                changed.fire(new ReadModelsChanged()); // committed: the reports computed before are out of date
                unreadable.forEach(u -> deadLetters.send(records.get(u.index()), u.reason().getMessage()));
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Applying %d %s facts failed (attempt %d of %d): %s", records.size(), feed, attempt,
                        attempts, e.getMessage());
                pause();
            }
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                updates.applyOne(feed, record.value());
            } catch (PoisonFact e) {
                deadLetters.send(record, e.getMessage());
            } catch (RuntimeException e) {
                deadLetters.send(record, "Still failing after " + attempts + " attempts: " + e.getMessage());
            }
        }
        changed.fire(new ReadModelsChanged());
    }

    private void pause() {
        try {
            Thread.sleep(config.consumer().retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted between attempts", e);
        }
    }

    /** Facts applied exactly once, each call in a transaction of its own (a retry starts afresh). */
    @ApplicationScoped
    public static class ReadModelUpdates {

        private final ReadModels readModels;

        public ReadModelUpdates(ReadModels readModels) {
            this.readModels = readModels;
        }

        /** All of a batch in one transaction; unreadable facts are set aside (they write nothing). */
        @Transactional
        List<Unreadable> applyAll(Feed feed, List<ConsumerRecord<String, String>> records) {
            return readModels.applyAll(feed, records.stream().map(ConsumerRecord::value).toList());
        }

        @Transactional
        void applyOne(Feed feed, String json) {
            readModels.apply(feed, json);
        }
    }
}
