package org.kepu.gateway.transport;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

/**
 * The API requests the gateway is working on, and whether it is draining them before it stops. A LongAdder rather
 * than one atomic number: every event loop counts on every request, and only the drain needs the sum.
 */
@Singleton
public class InFlightRequests {

    private static final long POLL_MILLIS = 20;

    private final LongAdder count = new LongAdder();
    private volatile boolean draining;

    public void begin() {
        count.increment();
    }

    public void end() {
        count.decrement();
    }

    /** API requests begun and not yet answered (or abandoned). */
    public long count() {
        return count.sum();
    }

    /** True once the gateway has begun to stop: answers close their connections, readiness reports down. */
    public boolean draining() {
        return draining;
    }

    /** Begins draining and waits up to {@code grace} for the requests in flight to end; returns how many were left. */
    public long drain(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        long left;
        while ((left = count()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
        return left;
    }
}
