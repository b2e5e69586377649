package org.kepu.reporting.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.kepu.common.inbox.FactApplier;
import org.kepu.reporting.domain.EventSummary;
import org.kepu.reporting.domain.VenueSummary;
import org.kepu.reporting.repository.EventSummaryRepository;
import org.kepu.reporting.repository.VenueSummaryRepository;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the read models up to date from the facts topics, one message per transaction, in partition order. Retries
 * ride out a database restart; past them the channel fails and readiness reports it.
 */
@ApplicationScoped
public class FactConsumers {

    private final FactApplier applier;
    private final EventSummaryRepository events;
    private final VenueSummaryRepository venues;

    public FactConsumers(FactApplier applier, EventSummaryRepository events, VenueSummaryRepository venues) {
        this.applier = applier;
        this.events = events;
        this.venues = venues;
    }

    /** {@code kepu.events} → the event read model. */
    @Incoming("event-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS)
    @Transactional
    public void onEventFact(ConsumerRecord<String, String> record) {
        applier.apply("reporting.event-summary", record.value(), EventSummary.class, events::upsert);
    }

    /** {@code kepu.venues} → the venue read model. */
    @Incoming("venue-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS)
    @Transactional
    public void onVenueFact(ConsumerRecord<String, String> record) {
        applier.apply("reporting.venue-summary", record.value(), VenueSummary.class, venues::upsert);
    }
}
