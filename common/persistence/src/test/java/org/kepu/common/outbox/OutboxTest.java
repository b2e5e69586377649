package org.kepu.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** What the outbox writes and when it wakes the relay, with the transaction and the table stood in for. */
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<OutboxMessage> persisted = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private int wakeUps;

    private final OutboxRelay relay = new OutboxRelay(null, null, config(), new SimpleMeterRegistry(), null) {
        @Override
        public void wake() {
            wakeUps++;
        }
    };

    private final Outbox outbox = new Outbox(stand(EntityManager.class, (name, args) -> {
        if (name.equals("persist")) {
            persisted.add((OutboxMessage) args[0]);
            return null;
        }
        throw new UnsupportedOperationException(name);
    }), JSON, config(), stand(TransactionSynchronizationRegistry.class, (name, args) -> switch (name) {
        case "getResource" -> resources.get(args[0]);
        case "putResource" -> resources.put(args[0], args[1]);
        case "registerInterposedSynchronization" -> synchronizations.add((Synchronization) args[0]);
        default -> throw new UnsupportedOperationException(name);
    }), relay);

    @Test
    void aFactIsACloudEventKeyedByItsAggregate() throws Exception {
        UUID venue = UUID.randomUUID();
        UUID id = outbox.append("kepu.venues", "kepu.venue.created", venue, Map.of("nameZh", "广东科学中心"));

        OutboxMessage message = persisted.get(0);
        assertEquals(id, message.id);
        assertEquals("kepu.venues", message.topic);
        assertEquals(venue.toString(), message.key);
        assertEquals("kepu.venue.created", message.type);
        JsonNode event = JSON.readTree(message.cloudEvent);
        assertEquals(List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"),
                iterable(event.fieldNames()));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(id.toString(), event.get("id").asText());
        assertEquals("/kepu/test-service", event.get("source").asText());
        assertEquals("kepu.venue.created", event.get("type").asText());
        assertEquals(venue.toString(), event.get("subject").asText());
        assertEquals(message.createdAt, OffsetDateTime.parse(event.get("time").asText()));
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals("广东科学中心", event.get("data").get("nameZh").asText());
    }

    @Test
    void aFactWrittenInATraceCarriesItAsTheCloudEventsTraceparentBeforeItsData() throws Exception {
        Span request = SdkTracerProvider.builder().build().get("test").spanBuilder("POST /api/v1/venues").startSpan();
        try (Scope current = request.makeCurrent()) {
            outbox.append("kepu.venues", "kepu.venue.created", UUID.randomUUID(), Map.of("nameZh", "广东科学中心"));
        } finally {
            request.end();
        }

        JsonNode event = JSON.readTree(persisted.get(0).cloudEvent);
        assertEquals(List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "traceparent",
                "data"), iterable(event.fieldNames()));
        assertEquals("00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId() + "-01",
                event.get("traceparent").asText());
    }

    @Test
    void eachFactHasItsOwnId() {
        UUID venue = UUID.randomUUID();
        assertNotEquals(outbox.append("kepu.venues", "kepu.venue.updated", venue, Map.of()),
                outbox.append("kepu.venues", "kepu.venue.updated", venue, Map.of()));
    }

    @Test
    void theRelayIsWokenOncePerTransactionAndOnlyAfterItCommits() {
        outbox.append("kepu.venues", "kepu.venue.created", UUID.randomUUID(), Map.of());
        outbox.append("kepu.venues", "kepu.venue.updated", UUID.randomUUID(), Map.of());
        assertEquals(1, synchronizations.size());
        assertEquals(0, wakeUps, "not before the commit");

        synchronizations.get(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        assertEquals(0, wakeUps, "a rolled-back transaction has no facts to send");
        synchronizations.get(0).afterCompletion(Status.STATUS_COMMITTED);
        assertEquals(1, wakeUps);
    }

    @Test
    void anEmptyBatchWritesNothingAndWakesNoOne() {
        outbox.appendAll("kepu.events", "kepu.event.published", List.of());
        assertEquals(List.of(), persisted);
        assertEquals(List.of(), synchronizations);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T stand(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args));
    }

    private static OutboxConfig config() {
        return new OutboxConfig() {
            @Override
            public String source() {
                return "/kepu/test-service";
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int batchSize() {
                return 200;
            }

            @Override
            public Duration sendTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public boolean relayEnabled() {
                return true;
            }

            @Override
            public Producer producer() {
                throw new UnsupportedOperationException("no producer here");
            }
        };
    }
}
