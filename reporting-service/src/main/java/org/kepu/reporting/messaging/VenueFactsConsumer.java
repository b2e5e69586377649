package org.kepu.reporting.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.kepu.reporting.domain.VenueSummary;
import org.kepu.reporting.repository.VenueSummaryRepository;

import io.smallrye.common.annotation.Blocking;

/** Keeps the venue read model up to date from {@code kepu.venues}. */
@ApplicationScoped
public class VenueFactsConsumer {

    private final FactApplier applier;
    private final VenueSummaryRepository summaries;

    public VenueFactsConsumer(FactApplier applier, VenueSummaryRepository summaries) {
        this.applier = applier;
        this.summaries = summaries;
    }

    /** Retries ride out a database restart; past them the channel fails and readiness reports it. */
    @Incoming("venue-facts")
    @Blocking
    @Retry(maxRetries = 20, delay = 1, delayUnit = ChronoUnit.SECONDS)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        applier.apply("reporting.venue-summary", record.value(), VenueSummary.class, summaries::upsert);
    }
}
