package org.kepu.gateway.domain;

/**
 * One client's allowance for one route class: up to {@code capacity} requests at once, refilled continuously at
 * {@code perSecond}. Not shared between gateway replicas; see the gateway README for what that means.
 */
public final class TokenBucket {

    /** The outcome of one request against the bucket, with what the RateLimit headers report. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    public synchronized Decision tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
        long resetSeconds = (long) Math.ceil((capacity - tokens) / perNano / 1e9);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, capacity, (int) tokens, Math.max(resetSeconds, 0), 0);
        }
        long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        return new Decision(false, capacity, 0, Math.max(resetSeconds, retryAfter), retryAfter);
    }

    /** Whether the bucket has been full long enough that forgetting it changes nothing. */
    public synchronized boolean isIdle(long now) {
        return tokens + (now - updatedAt) * perNano >= capacity;
    }
}
