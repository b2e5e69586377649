package org.kepu.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kepu.events.repository.EventRepository;

import io.quarkus.scheduler.Scheduled;

/**
 * Moves events that have ended out of the upcoming search indexes every few minutes; a search for what is still to
 * come then reads only those (see the V8 migration). Replicas may sweep at once: the update is the same either way.
 */
@ApplicationScoped
public class ConcludedEventsSweep {

    private static final Logger LOG = Logger.getLogger(ConcludedEventsSweep.class);

    private final EventRepository events;

    public ConcludedEventsSweep(EventRepository events) {
        this.events = events;
    }

    @Scheduled(every = "${kepu.events.concluded-sweep-interval:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void sweep() {
        int marked = events.markConcluded();
        if (marked > 0) {
            LOG.debugf("%d ended events left the upcoming search indexes", marked);
        }
    }
}
