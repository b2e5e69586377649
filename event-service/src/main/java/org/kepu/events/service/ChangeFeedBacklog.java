package org.kepu.events.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.persistence.Backlog;
import org.kepu.events.repository.EventChangeRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The change-feed sequencer's lag as an operator alerts on it: {@code kepu_change_feed_backlog}, changes committed but
 * not yet given a feed position, and {@code kepu_change_feed_backlog_oldest_age_seconds}, how long the oldest has
 * waited. The sequencer runs every 200 ms, so both stay near 0; while they climb, clients following the feed (front ends
 * and partners keeping a copy of the events) see no new changes.
 */
@Startup
@ApplicationScoped
public class ChangeFeedBacklog {

    private final EventChangeRepository changes;
    private final Backlog backlog;

    public ChangeFeedBacklog(EventChangeRepository changes, MeterRegistry registry) {
        this.changes = changes;
        this.backlog = Backlog.register(registry, "kepu.change.feed.backlog",
                "changes committed but not yet positioned in the feed");
    }

    @Scheduled(every = "${kepu.metrics.sample-interval:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sample() {
        backlog.sample(changes::unsequenced);
    }
}
