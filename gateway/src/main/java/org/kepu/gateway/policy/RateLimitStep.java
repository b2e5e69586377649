package org.kepu.gateway.policy;

import java.util.Map;
import java.util.Optional;

import org.kepu.gateway.domain.TokenBucket;
import org.kepu.gateway.service.RateLimiter;

/**
 * Token buckets per client and route class: a token's subject (or its partner), else the client's address, whose
 * buckets are apart (another class). The RateLimit headers (IETF draft) tell well-behaved clients how to pace
 * themselves on every answer; a 429 says when to retry.
 */
public final class RateLimitStep implements PolicyStep {

    private final RateLimiter rateLimiter;

    public RateLimitStep(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String client = admission.client != null ? admission.client : admission.clientAddress;
        Optional<TokenBucket.Decision> decision = rateLimiter.take(admission.rateClass, client);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        TokenBucket.Decision d = decision.get();
        admission.answerHeaders.put("RateLimit-Limit", Integer.toString(d.limit()));
        admission.answerHeaders.put("RateLimit-Remaining", Integer.toString(d.remaining()));
        admission.answerHeaders.put("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (d.allowed()) {
            return Optional.empty();
        }
        return Optional.of(Answer.problem(429, "rate-limited", "Too many requests",
                "Slow down: try again in " + d.retryAfterSeconds() + " s")
                .with(Map.of("Retry-After", Long.toString(d.retryAfterSeconds()))));
    }
}
