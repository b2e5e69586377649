package org.kepu.common.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies one CloudEvent to a read model exactly once: the inbox records the message id in the same transaction as
 * the effect, so a redelivered message is skipped.
 */
@ApplicationScoped
public class FactApplier {

    private static final Logger LOG = Logger.getLogger(FactApplier.class);

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
            // A message we cannot read will not become readable by retrying; skip it loudly rather than stall the topic.
            LOG.errorf("Skipping unreadable message for %s: %s", consumer, e.getMessage());
            return;
        }
        if (event.id() == null || data == null) {
            LOG.errorf("Skipping message without id or data for %s", consumer);
            return;
        }
        if (inbox.firstDelivery(consumer, event.id())) {
            effect.accept(data);
        }
    }
}
