package org.kepu.common.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
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
        FactEnvelope<T> fact = read(consumer, json, envelopeOf(dataType));
        if (inbox.firstDelivery(consumer, fact.id())) {
            effect.accept(fact.data());
        }
    }

    /** A message of a batch that cannot be read, by its place in the batch. */
    public record Unreadable(int index, PoisonFact reason) {
    }

    /**
     * Applies a batch of messages in order, each exactly once, with one inbox statement for the batch (a message
     * repeated within it counts once). Must run inside the consumer's transaction; unreadable messages are skipped and
     * returned, for the consumer to dead-letter.
     */
    public <T> List<Unreadable> applyAll(String consumer, List<String> jsons, Class<T> dataType, Consumer<T> effect) {
        return applyTogether(consumer, jsons, dataType, data -> data.forEach(effect));
    }

    /**
     * As {@link #applyAll}, the messages delivered for the first time handed over together, in order, for a read
     * model that writes a batch in one statement. Must run inside the consumer's transaction.
     */
    public <T> List<Unreadable> applyTogether(String consumer, List<String> jsons, Class<T> dataType,
            Consumer<List<T>> effect) {
        JavaType type = envelopeOf(dataType);
        List<FactEnvelope<T>> facts = new ArrayList<>(jsons.size());
        List<Unreadable> unreadable = new ArrayList<>();
        for (int i = 0; i < jsons.size(); i++) {
            try {
                facts.add(read(consumer, jsons.get(i), type));
            } catch (PoisonFact e) {
                unreadable.add(new Unreadable(i, e));
            }
        }
        Set<String> first = inbox.firstDeliveries(consumer, facts.stream().map(FactEnvelope::id).toList());
        List<T> fresh = new ArrayList<>(first.size());
        for (FactEnvelope<T> fact : facts) {
            // remove: a message repeated within the batch is applied at its first place only.
            if (first.remove(fact.id())) {
                fresh.add(fact.data());
            }
        }
        if (!fresh.isEmpty()) {
            effect.accept(fresh);
        }
        return unreadable;
    }

    private JavaType envelopeOf(Class<?> dataType) {
        return objectMapper.getTypeFactory().constructParametricType(FactEnvelope.class, dataType);
    }

    private <T> FactEnvelope<T> read(String consumer, String json, JavaType type) {
        FactEnvelope<T> fact;
        try {
            fact = objectMapper.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A message we cannot read will not become readable by retrying: it goes to the dead letters.
            throw new PoisonFact("Unreadable for " + consumer + ": " + firstLine(e.getMessage()), e);
        }
        if (fact == null || fact.id() == null || fact.data() == null) {
            throw new PoisonFact("No id or no data for " + consumer, null);
        }
        return fact;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
