package org.kepu.common.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * Applies one CloudEvent to a read model exactly once: the inbox records the message id in the same transaction as
 * the effect, so a redelivered message is skipped. A message that cannot be read throws {@link PoisonFact}, which
 * consumers dead-letter instead of retrying.
 *
 * <p>
 * Each fact is applied in a child span of the trace it was written in ({@link FactSpans}), current while its effect
 * runs, so every log line written meanwhile names the trace id of the request that caused the fact. A child rather
 * than a span of the poll with links: a fact's effect is its own work, and an operator following one request wants it
 * in that request's trace. Only where one statement writes a whole batch ({@link #applyTogether}) is that write a
 * span linking to the facts' spans, since a span has one parent.
 */
@ApplicationScoped
public class FactApplier {

    /** At DEBUG, one line per fact applied, in the fact's trace: what the system tests follow a request by. */
    private static final Logger LOG = Logger.getLogger(FactApplier.class);

    private final Inbox inbox;
    private final ObjectMapper objectMapper;
    private final FactSpans spans;

    public FactApplier(Inbox inbox, ObjectMapper objectMapper, OpenTelemetry openTelemetry) {
        this.inbox = inbox;
        this.objectMapper = objectMapper;
        this.spans = new FactSpans(openTelemetry);
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
        Span span = spans.start(consumer, fact);
        try (Scope current = span.makeCurrent()) {
            if (inbox.firstDelivery(consumer, fact.id())) {
                logApplying(consumer, fact, "");
                effect.accept(fact.data());
            } else {
                logApplying(consumer, fact, ": skipped, applied before");
            }
        } catch (RuntimeException e) {
            FactSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** A message of a batch that cannot be read, by its place in the batch. */
    public record Unreadable(int index, PoisonFact reason) {
    }

    /**
     * Applies a batch of messages in order, each exactly once, with one inbox statement for the batch (a message
     * repeated within it counts once), each effect in its fact's span. Must run inside the consumer's transaction;
     * unreadable messages are skipped and returned, for the consumer to dead-letter.
     */
    public <T> List<Unreadable> applyAll(String consumer, List<String> jsons, Class<T> dataType, Consumer<T> effect) {
        List<Unreadable> unreadable = new ArrayList<>();
        for (FactEnvelope<T> fact : firstDeliveries(consumer, jsons, dataType, unreadable)) {
            Span span = spans.start(consumer, fact);
            try (Scope current = span.makeCurrent()) {
                logApplying(consumer, fact, "");
                effect.accept(fact.data());
            } catch (RuntimeException e) {
                FactSpans.failed(span, e);
                throw e;
            } finally {
                span.end();
            }
        }
        return unreadable;
    }

    /**
     * As {@link #applyAll}, the messages delivered for the first time handed over together, in order, for a read
     * model that writes a batch in one statement. Must run inside the consumer's transaction. Each fact's span says
     * (at DEBUG) that it is applied and lasts as long as the write; the write runs in a span linked to all of them.
     */
    public <T> List<Unreadable> applyTogether(String consumer, List<String> jsons, Class<T> dataType,
            Consumer<List<T>> effect) {
        List<Unreadable> unreadable = new ArrayList<>();
        List<FactEnvelope<T>> fresh = firstDeliveries(consumer, jsons, dataType, unreadable);
        if (fresh.isEmpty()) {
            return unreadable;
        }
        List<Span> factSpans = new ArrayList<>(fresh.size());
        List<T> data = new ArrayList<>(fresh.size());
        for (FactEnvelope<T> fact : fresh) {
            Span span = spans.start(consumer, fact);
            factSpans.add(span);
            data.add(fact.data());
            if (LOG.isDebugEnabled()) {
                try (Scope current = span.makeCurrent()) {
                    logApplying(consumer, fact, ", in a batch of " + fresh.size());
                }
            }
        }
        Span write = spans.startBatch(consumer, factSpans);
        try (Scope current = write.makeCurrent()) {
            effect.accept(data);
        } catch (RuntimeException e) {
            FactSpans.failed(write, e);
            factSpans.forEach(span -> FactSpans.failed(span, e));
            throw e;
        } finally {
            write.end();
            factSpans.forEach(Span::end);
        }
        return unreadable;
    }

    /** The DEBUG line of a fact applied, written in its span: type, id, aggregate, read model. */
    private static void logApplying(String consumer, FactEnvelope<?> fact, String note) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Applying %s %s (subject %s) to %s%s", fact.type(), fact.id(), fact.subject(), consumer, note);
        }
    }

    /**
     * The batch's readable facts delivered for the first time, in order, a fact repeated within the batch at its first
     * place only; the unreadable ones are added to {@code unreadable} by their place.
     */
    private <T> List<FactEnvelope<T>> firstDeliveries(String consumer, List<String> jsons, Class<T> dataType,
            List<Unreadable> unreadable) {
        JavaType type = envelopeOf(dataType);
        List<FactEnvelope<T>> facts = new ArrayList<>(jsons.size());
        for (int i = 0; i < jsons.size(); i++) {
            try {
                facts.add(read(consumer, jsons.get(i), type));
            } catch (PoisonFact e) {
                unreadable.add(new Unreadable(i, e));
            }
        }
        Set<String> first = inbox.firstDeliveries(consumer, facts.stream().map(FactEnvelope::id).toList());
        List<FactEnvelope<T>> fresh = new ArrayList<>(first.size());
        for (FactEnvelope<T> fact : facts) {
            // remove: a message repeated within the batch is applied at its first place only.
            if (first.remove(fact.id())) {
                fresh.add(fact);
            }
        }
        return fresh;
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
