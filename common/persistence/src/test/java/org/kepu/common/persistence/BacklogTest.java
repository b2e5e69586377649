package org.kepu.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the backlog gauges read between samples, with the clock passed in. */
class BacklogTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final Backlog backlog = new Backlog("kepu.test.backlog", now::get);

    @Test
    void readsNothingBeforeTheFirstSample() {
        assertTrue(Double.isNaN(backlog.rows()), "no sample is not an empty backlog");
        assertTrue(Double.isNaN(backlog.oldestAgeSeconds()));
    }

    @Test
    void theOldestAgeGrowsBetweenSamplesWhileRowsWait() {
        backlog.sampled(new Backlog.Waiting(7, 3.5));
        now.addAndGet(4 * SECOND);
        assertEquals(7, backlog.rows());
        assertEquals(7.5, backlog.oldestAgeSeconds(), 1e-9, "a stuck job's age keeps rising until the next sample");
        backlog.sampled(new Backlog.Waiting(2, 0.25));
        assertEquals(0.25, backlog.oldestAgeSeconds(), 1e-9, "a new sample replaces the grown age");
    }

    @Test
    void anEmptyBacklogHasNoAge() {
        backlog.sampled(new Backlog.Waiting(0, 0));
        now.addAndGet(60 * SECOND);
        assertEquals(0, backlog.rows());
        assertEquals(0, backlog.oldestAgeSeconds());
    }

    @Test
    void registersBothGaugesUnderTheNameGiven() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Backlog registered = Backlog.register(registry, "kepu.test.backlog", "test rows");
        registered.sampled(new Backlog.Waiting(3, 1));
        assertEquals(3, registry.get("kepu.test.backlog").gauge().value());
        assertTrue(registry.get("kepu.test.backlog.oldest.age").gauge().value() >= 1);
        assertEquals("seconds", registry.get("kepu.test.backlog.oldest.age").gauge().getId().getBaseUnit());
    }
}
