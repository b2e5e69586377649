package org.kepu.gateway.policy;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.kepu.common.rest.RequestIds;

/** Takes the caller's {@code X-Request-Id} when it is safe to log and echo, or makes one. Never refuses. */
public final class RequestIdStep implements PolicyStep {

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String given = head.header(RequestIds.HEADER);
        admission.requestId = given != null && RequestIds.isSafe(given) ? given : newRequestId();
        return Optional.empty();
    }

    /**
     * A random UUID-shaped id. Request ids need to be unique, not unguessable, so ThreadLocalRandom serves, sparing
     * every request the lock of the SecureRandom behind UUID.randomUUID().
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }
}
