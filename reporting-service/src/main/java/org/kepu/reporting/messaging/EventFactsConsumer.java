package org.kepu.reporting.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.kepu.reporting.domain.EventSummary;
import org.kepu.reporting.repository.EventSummaryRepository;

import io.smallrye.common.annotation.Blocking;

/** Keeps the event read model up to date from {@code kepu.events}. */
@ApplicationScoped
public class EventFactsConsumer {

    private final FactApplier applier;
    private final EventSummaryRepository summaries;

    public EventFactsConsumer(FactApplier applier, EventSummaryRepository summaries) {
        this.applier = applier;
        this.summaries = summaries;
    }

    /** Retries ride out a database restart; past them the channel fails and readiness reports it. */
    @Incoming("event-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        applier.apply("reporting.event-summary", record.value(), EventSummary.class, summaries::upsert);
    }
}
