package org.kepu.gateway.domain;

import java.net.URI;
import java.time.Duration;

/**
 * One upstream instance and what the gateway has seen of it: after enough consecutive failures it is ejected for a
 * while (passive health), then given one trial request; a success brings it back at once.
 */
public final class Instance {

    private final URI uri;
    private final String basePath;
    private final String authority;
    private final int failuresBeforeEjection;
    private final long ejectionNanos;
    private int consecutiveFailures;
    private long ejectedUntil;
    private boolean trialInFlight;

    public Instance(URI uri, int failuresBeforeEjection, Duration ejectionTime) {
        this.uri = uri;
        this.basePath = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        this.authority = uri.getHost() + ":" + port();
        this.failuresBeforeEjection = failuresBeforeEjection;
        this.ejectionNanos = ejectionTime.toNanos();
    }

    public URI uri() {
        return uri;
    }

    /** The instance's TCP port; a URL without one means HTTP's 80. */
    public int port() {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** host:port, the Host header a request to this instance carries (the client's own is forwarded as X-Forwarded-Host). */
    public String authority() {
        return authority;
    }

    /** The path the instance's URL adds before every request's own, without a trailing slash; often empty. */
    public String basePath() {
        return basePath;
    }

    /** Whether a request may go to this instance now; past an ejection, only one trial request is let through. */
    public synchronized boolean tryAcquire(long now) {
        if (consecutiveFailures < failuresBeforeEjection) {
            return true;
        }
        if (now < ejectedUntil || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /**
     * A call ended before it could tell whether the instance works (its client left, or the whole request's time limit
     * struck first): neither a success nor a failure, but a trial it was must not hold the instance's one trial slot.
     */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    /** A connection failure or timeout; the instance is ejected once they reach the threshold in a row. */
    public synchronized void failed(long now) {
        consecutiveFailures++;
        trialInFlight = false;
        if (consecutiveFailures >= failuresBeforeEjection) {
            ejectedUntil = now + ejectionNanos;
        }
    }

    /** Whether it has failed enough times in a row to be out of the rotation (skipped, or waiting for its trial). */
    public synchronized boolean ejected() {
        return consecutiveFailures >= failuresBeforeEjection;
    }

    /** Whether {@link #tryAcquire} would refuse it now, asked without taking its trial. */
    public synchronized boolean skipped(long now) {
        return consecutiveFailures >= failuresBeforeEjection && (now < ejectedUntil || trialInFlight);
    }

    /** Seconds until this instance may be tried again; 0 if it may be tried now. */
    public synchronized long secondsUntilRetry(long now) {
        return consecutiveFailures < failuresBeforeEjection
                ? 0
                : Math.max(1, (ejectedUntil - now + 999_999_999L) / 1_000_000_000L);
    }
}
