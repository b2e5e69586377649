package org.kepu.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FactApplierTest {

    record Place(String name) {
    }

    /** The inbox as the database keeps it: the ids each consumer has seen, committed or not. */
    static final class RememberingInbox extends Inbox {
        final Set<String> seen = new HashSet<>();

        RememberingInbox() {
            super(null);
        }

        @Override
        public boolean firstDelivery(String consumer, String messageId) {
            return seen.add(consumer + "/" + messageId);
        }

        @Override
        public Set<String> firstDeliveries(String consumer, List<String> messageIds) {
            Set<String> first = new HashSet<>();
            messageIds.stream().filter(id -> seen.add(consumer + "/" + id)).forEach(first::add);
            return first;
        }
    }

    private final RememberingInbox inbox = new RememberingInbox();
    private final FactApplier applier = new FactApplier(inbox, new ObjectMapper(), OpenTelemetry.noop());

    private static String fact(String id, String name) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.venue.created",
                 "subject":"s-1","time":"2026-11-05T10:00:00Z","datacontenttype":"application/json",
                 "data":{"name":"%s"}}""".formatted(id, name);
    }

    /** Spans as an exporter would receive them, ended ones only. */
    static final class Recorded implements SpanExporter {
        final List<SpanData> spans = new ArrayList<>();

        @Override
        public CompletableResultCode export(java.util.Collection<SpanData> ended) {
            spans.addAll(ended);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        SpanData named(String name) {
            return spans.stream().filter(span -> span.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
        }
    }

    private final Recorded recorded = new Recorded();
    private final OpenTelemetry traced = OpenTelemetrySdk.builder().setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(recorded)).build()).build();

    /** A fact as the outbox writes it inside a request's span. */
    private static String tracedFact(String id, String name, SpanContext writer) {
        return fact(id, name).replace("\"datacontenttype\"", "\"traceparent\":\"00-" + writer.getTraceId() + "-"
                + writer.getSpanId() + "-01\",\"datacontenttype\"");
    }

    private SpanContext writer() {
        return traced.getTracer("test").spanBuilder("POST /api/v1/venues").setParent(Context.root()).startSpan()
                .getSpanContext();
    }

    @Test
    void aFactIsAppliedInAChildOfTheSpanThatWroteIt() {
        SpanContext writer = writer();
        FactApplier applier = new FactApplier(inbox, new ObjectMapper(), traced);
        List<String> tracesSeen = new ArrayList<>();

        applier.apply("places", tracedFact("m-1", "a", writer), Place.class,
                p -> tracesSeen.add(Span.current().getSpanContext().getTraceId()));

        // Quarkus copies the current span into the log context (MDC); the system tests read it in the logs.
        assertEquals(List.of(writer.getTraceId()), tracesSeen, "the effect runs in the fact's trace");
        SpanData applied = recorded.named("apply kepu.venue.created");
        assertEquals(writer.getTraceId(), applied.getTraceId());
        assertEquals(writer.getSpanId(), applied.getParentSpanId());
        assertEquals(SpanKind.CONSUMER, applied.getKind());
        assertEquals("m-1", applied.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("cloudevents.event_id")).findFirst().orElseThrow().getValue());
        assertFalse(Span.current().getSpanContext().isValid(), "and only while it runs");
    }

    @Test
    void aFactWithoutATraceStartsItsOwn() {
        FactApplier applier = new FactApplier(inbox, new ObjectMapper(), traced);
        applier.apply("places", fact("m-1", "a"), Place.class, p -> assertTrue(Span.current().getSpanContext().isValid()));
        SpanData applied = recorded.named("apply kepu.venue.created");
        assertFalse(applied.getParentSpanContext().isValid(), "a root span");
    }

    @Test
    void eachFactOfABatchIsAppliedInItsOwnTrace() {
        SpanContext first = writer();
        SpanContext second = writer();
        FactApplier applier = new FactApplier(inbox, new ObjectMapper(), traced);
        List<String> traces = new ArrayList<>();

        applier.applyAll("places", List.of(tracedFact("m-1", "a", first), tracedFact("m-2", "b", second)),
                Place.class, p -> traces.add(Span.current().getSpanContext().getTraceId()));

        assertEquals(List.of(first.getTraceId(), second.getTraceId()), traces);
    }

    @Test
    void aBatchWrittenInOneStatementLinksToEveryFactsSpan() {
        SpanContext first = writer();
        SpanContext second = writer();
        FactApplier applier = new FactApplier(inbox, new ObjectMapper(), traced);

        applier.applyTogether("places", List.of(tracedFact("m-1", "a", first), tracedFact("m-2", "b", second)),
                Place.class, places -> {
                });

        List<SpanData> factSpans = recorded.spans.stream().filter(s -> s.getName().equals("apply kepu.venue.created"))
                .toList();
        assertEquals(Set.of(first.getSpanId(), second.getSpanId()),
                Set.copyOf(factSpans.stream().map(SpanData::getParentSpanId).toList()), "each a child of its writer");
        SpanData write = recorded.named("apply batch places");
        assertEquals(Set.copyOf(factSpans.stream().map(SpanData::getSpanId).toList()),
                Set.copyOf(write.getLinks().stream().map(link -> link.getSpanContext().getSpanId()).toList()));
    }

    @Test
    void theIdAndDataAreReadAndTheRestOfTheCloudEventIsSkipped() {
        List<Place> applied = new ArrayList<>();
        applier.apply("places", fact("m-1", "广东科学中心"), Place.class, applied::add);
        assertEquals(List.of(new Place("广东科学中心")), applied);
        assertTrue(inbox.seen.contains("places/m-1"));
    }

    @Test
    void aRedeliveredFactChangesNothingButAnotherConsumerStillAppliesIt() {
        List<String> applied = new ArrayList<>();
        applier.apply("places", fact("m-1", "a"), Place.class, p -> applied.add("places:" + p.name()));
        applier.apply("places", fact("m-1", "a"), Place.class, p -> applied.add("places:" + p.name()));
        applier.apply("counts", fact("m-1", "a"), Place.class, p -> applied.add("counts:" + p.name()));
        assertEquals(List.of("places:a", "counts:a"), applied);
    }

    @Test
    void whatCannotBeReadIsAPoisonFactAndIsNotRecorded() {
        for (String json : List.of("not json", "{\"id\":\"m-2\"}", "{\"data\":{\"name\":\"a\"}}",
                "{\"id\":\"m-3\",\"data\":{\"name\":[1]}}", "null")) {
            PoisonFact poison = assertThrows(PoisonFact.class,
                    () -> applier.apply("places", json, Place.class, p -> {
                        throw new AssertionError("applied " + p);
                    }), json);
            assertTrue(poison.getMessage().contains("places"), poison.getMessage());
        }
        assertTrue(inbox.seen.isEmpty(), inbox.seen.toString());
    }

    @Test
    void aBatchSkipsWhatItCannotReadNamingItsPlaceAndAppliesTheRestInOrder() {
        List<Place> applied = new ArrayList<>();
        List<FactApplier.Unreadable> unreadable = applier.applyAll("places",
                List.of(fact("m-1", "a"), "{broken", fact("m-2", "b"), "{\"id\":\"m-9\"}", fact("m-3", "c")),
                Place.class, applied::add);
        assertEquals(List.of(new Place("a"), new Place("b"), new Place("c")), applied);
        assertEquals(List.of(1, 3), unreadable.stream().map(FactApplier.Unreadable::index).toList());
    }

    @Test
    void aBatchOfOnlyRedeliveriesHandsNothingOver() {
        applier.apply("places", fact("m-1", "a"), Place.class, p -> {
        });
        List<List<Place>> handedOver = new ArrayList<>();
        applier.applyTogether("places", List.of(fact("m-1", "a"), fact("m-1", "a")), Place.class, handedOver::add);
        assertEquals(List.of(), handedOver);
    }

    /**
     * Whatever a batch repeats, and whatever came before it, each message is applied once, at its first place in the
     * batch, in the batch's order, and handed over in one call.
     */
    @Property(tries = 200, seed = "37")
    void eachMessageOfABatchIsAppliedOnceAtItsFirstPlace(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 9) Integer> batch,
            @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 9) Integer> deliveredBefore) {
        RememberingInbox inbox = new RememberingInbox();
        FactApplier applier = new FactApplier(inbox, new ObjectMapper(), OpenTelemetry.noop());
        deliveredBefore.forEach(n -> inbox.firstDelivery("places", "m-" + n));
        List<List<Place>> handedOver = new ArrayList<>();

        applier.applyTogether("places", batch.stream().map(n -> fact("m-" + n, "p" + n)).toList(), Place.class,
                handedOver::add);

        List<Place> expected = new LinkedHashSet<>(batch).stream().filter(n -> !deliveredBefore.contains(n))
                .map(n -> new Place("p" + n)).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), handedOver);
    }
}
