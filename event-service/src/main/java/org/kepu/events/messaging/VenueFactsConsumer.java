package org.kepu.events.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.kepu.common.inbox.FactApplier;
import org.kepu.common.inbox.PoisonFact;
import org.kepu.events.repository.KnownVenueRepository;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps event-service's list of known venues ({@code known_venue}) from {@code kepu.venues}, so that an event's venue is
 * checked without calling venue-service. A venue registered a moment ago may not be known yet: the client retries.
 */
@ApplicationScoped
public class VenueFactsConsumer {

    private final KnownVenueApplier applier;

    public VenueFactsConsumer(KnownVenueApplier applier) {
        this.applier = applier;
    }

    /**
     * Each attempt is its own transaction ({@link KnownVenueApplier#apply}); retries ride out a database restart. What
     * cannot be read, or still fails past the retries, goes to {@code kepu.dead-letters} and the channel moves on.
     */
    @Incoming("venue-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = PoisonFact.class)
    public void onVenueFact(ConsumerRecord<String, String> record) {
        applier.apply(record.value());
    }

    /** One venue fact applied exactly once, in one transaction with its inbox record. */
    @ApplicationScoped
    public static class KnownVenueApplier {

        private final FactApplier facts;
        private final KnownVenueRepository venues;

        public KnownVenueApplier(FactApplier facts, KnownVenueRepository venues) {
            this.facts = facts;
            this.venues = venues;
        }

        @Transactional
        public void apply(String json) {
            facts.apply("events.known-venues", json, VenueFact.class, fact -> venues.upsert(fact.toKnownVenue()));
        }
    }
}
