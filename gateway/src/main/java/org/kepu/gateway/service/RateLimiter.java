package org.kepu.gateway.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.TokenBucket;

/**
 * Token buckets per client (token subject or partner, or for anonymous callers the address the trusted-proxy policy
 * reads) and route class, in this replica's memory.
 */
@Singleton
public class RateLimiter {

    private static final int SWEEP_EVERY = 10_000;

    private final Map<String, GatewayConfig.RateLimit> limits;
    /** Route class, then client: no key is built per request. */
    private final Map<String, Map<String, TokenBucket>> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(GatewayConfig config) {
        this.limits = config.rateLimits();
    }

    /** The decision for one request; classes without a configured limit are not limited (empty). */
    public Optional<TokenBucket.Decision> take(String routeClass, String client) {
        GatewayConfig.RateLimit limit = limits.get(routeClass);
        if (limit == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            // Forget clients whose bucket has refilled: they would start full anyway.
            buckets.values().forEach(clients -> clients.values().removeIf(bucket -> bucket.isIdle(now)));
        }
        TokenBucket bucket = buckets.computeIfAbsent(routeClass, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(client, key -> new TokenBucket(limit.capacity(), limit.perSecond(), now));
        return Optional.of(bucket.tryTake(now));
    }
}
