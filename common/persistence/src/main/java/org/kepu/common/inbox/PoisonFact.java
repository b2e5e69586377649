package org.kepu.common.inbox;

/**
 * A message that can never be applied, however often it is retried (not a CloudEvent, no id, data that does not bind).
 * Consumers do not retry it ({@code @Retry(abortOn = PoisonFact.class)}); the channel's dead-letter strategy sends it
 * to {@code kepu.dead-letters} with this message as the reason and the original value, and the topic moves on.
 */
public class PoisonFact extends RuntimeException {

    public PoisonFact(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
