package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Passive health: ejection after failures in a row, one trial after the ejection time, recovery on success. */
class InstanceTest {

    private static final long SECOND = 1_000_000_000L;

    private final Instance instance = new Instance(URI.create("http://10.0.0.5:8081/base/"), 3, Duration.ofSeconds(10));

    @Test
    void knowsWhereRequestsGo() {
        assertEquals("10.0.0.5:8081", instance.authority());
        assertEquals("/base", instance.basePath());
        assertEquals(80, new Instance(URI.create("http://events"), 3, Duration.ofSeconds(10)).port());
    }

    @Test
    void isSkippedAfterFailuresInARowThenTriedOnceAndBackOnSuccess() {
        fail(3, 0);
        assertFalse(instance.tryAcquire(SECOND), "ejected");
        assertEquals(9, instance.secondsUntilRetry(SECOND));
        assertTrue(instance.tryAcquire(11 * SECOND), "one trial after the ejection time");
        assertFalse(instance.tryAcquire(11 * SECOND), "only one trial at a time");
        instance.succeeded();
        assertTrue(instance.tryAcquire(12 * SECOND));
        assertTrue(instance.tryAcquire(12 * SECOND));
    }

    @Test
    void aFailedTrialEjectsItAgain() {
        fail(3, 0);
        assertTrue(instance.tryAcquire(11 * SECOND));
        instance.failed(11 * SECOND);
        assertFalse(instance.tryAcquire(12 * SECOND));
        assertTrue(instance.tryAcquire(22 * SECOND));
    }

    /** A trial whose client left (or whose time ran out) tells nothing: the next request becomes the trial. */
    @Test
    void anAbandonedTrialFreesTheTrialSlot() {
        fail(3, 0);
        assertTrue(instance.tryAcquire(11 * SECOND));
        instance.abandoned();
        assertTrue(instance.tryAcquire(11 * SECOND));
    }

    private void fail(int times, long now) {
        for (int i = 0; i < times; i++) {
            assertTrue(instance.tryAcquire(now));
            instance.failed(now);
        }
    }
}
