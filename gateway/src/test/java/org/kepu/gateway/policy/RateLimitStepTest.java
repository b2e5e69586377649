package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kepu.gateway.service.RateLimiter;

class RateLimitStepTest {

    private final RateLimitStep step = new RateLimitStep(new RateLimiter(Heads.config()));

    private static Admission anonymous(String address) {
        Admission admission = new Admission();
        admission.rateClass = "public-read";
        admission.clientAddress = address;
        return admission;
    }

    @Test
    void everyAnswerSaysTheLimitAndTheOneOverItWhenToRetry() {
        Admission first = anonymous("203.0.113.1");
        assertTrue(step.apply(Heads.request("GET", "/"), first).isEmpty());
        assertEquals("2", first.answerHeaders().get("RateLimit-Limit"));
        assertEquals("1", first.answerHeaders().get("RateLimit-Remaining"));
        assertTrue(step.apply(Heads.request("GET", "/"), anonymous("203.0.113.1")).isEmpty());
        Answer third = step.apply(Heads.request("GET", "/"), anonymous("203.0.113.1")).orElseThrow();
        assertEquals(429, third.status());
        assertTrue(Long.parseLong(third.headers().get("Retry-After")) > 0);
    }

    @Test
    void eachAddressHasItsOwnBucketAndUnlimitedClassesPassUncounted() {
        step.apply(Heads.request("GET", "/"), anonymous("203.0.113.2"));
        step.apply(Heads.request("GET", "/"), anonymous("203.0.113.2"));
        assertTrue(step.apply(Heads.request("GET", "/"), anonymous("203.0.113.3")).isEmpty());
        Admission authenticated = new Admission();
        authenticated.rateClass = "authenticated"; // no limit configured for it here
        authenticated.client = "organizer@gz";
        assertTrue(step.apply(Heads.request("POST", "/"), authenticated).isEmpty());
        assertTrue(authenticated.answerHeaders().isEmpty());
    }
}
