package org.kepu.common.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies one CloudEvent to a read model exactly once: the inbox records the message id in the same transaction as
 * the effect, so a redelivered message is skipped. A message that cannot be read throws {@link PoisonFact}, which
 * consumers dead-letter instead of retrying.
 */
@ApplicationScoped
public class FactApplier {

    private final Inbox inbox;
    private final ObjectMapper objectMapper;

    public FactApplier(Inbox inbox, ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.objectMapper = objectMapper;
    }

    /**
     * Must run inside the consumer's transaction.
     *
     * @param consumer the read model's name in the inbox
     * @param json the Kafka record value, a structured-mode CloudEvent
     * @param dataType what the fact's data binds to
     * @param effect the change to the read model
     */
    public <T> void apply(String consumer, String json, Class<T> dataType, Consumer<T> effect) {
        CloudEvent event;
        T data;
        try {
            event = objectMapper.readValue(json, CloudEvent.class);
            data = objectMapper.treeToValue(event.data(), dataType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A message we cannot read will not become readable by retrying: it goes to the dead letters.
            throw new PoisonFact("Unreadable for " + consumer + ": " + firstLine(e.getMessage()), e);
        }
        if (event.id() == null || data == null) {
            throw new PoisonFact("No id or no data for " + consumer, null);
        }
        if (inbox.firstDelivery(consumer, event.id())) {
            effect.accept(data);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
