package org.kepu.common.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactsDocument;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The document made from a catalogue describes its records exactly, and the checks the services' tests make on it
 * ({@link FactsDocument}) fail on each kind of drift: a type, a component, a nullability, a record off Kafka.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    enum Colour {
        RED, GREEN
    }

    record Sample(@NotNull UUID id, long version, @NotNull Colour colour, String note, Integer count,
            @NotNull List<String> tags, Map<String, String> figures, Part part, @NotNull OffsetDateTime at,
            LocalDate on) {

        record Part(int size, String label) {
        }
    }

    /** Sample with one component more: the code moved on, the document did not. */
    record Grown(@NotNull UUID id, long version, @NotNull Colour colour, String note, Integer count,
            @NotNull List<String> tags, Map<String, String> figures, Sample.Part part, @NotNull OffsetDateTime at,
            LocalDate on, String added) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(@NotNull UUID ownerId, String maybe, Sample.Part part) {
    }

    static final class SampleTypes {
        public static final String TOPIC = "kepu.samples";
        public static final String MADE = "kepu.sample.made";
        public static final String CHANGED = "kepu.sample.changed";
    }

    static final class SparseTypes {
        public static final String NOTED = "kepu.sparse.noted";
    }

    private static final UUID ID = UUID.fromString("11111111-2222-4333-8444-555555555555");

    private static Sample sample(String note) {
        return new Sample(ID, 3, Colour.GREEN, note, null, List.of("a"), Map.of("k", "v"), new Sample.Part(2, null),
                OffsetDateTime.parse("2024-09-21T10:00+08:00"), LocalDate.parse("2024-09-21"));
    }

    private static FactCatalogue catalogue(String... types) {
        return new FactCatalogue() {
            @Override
            public List<FactChannel> channels() {
                return List.of(
                        new FactChannel(SampleTypes.TOPIC, "Samples", "id", "sample's id", Sample.class,
                                java.util.Arrays.stream(types).map(t -> new FactMessage(t, "It happened", sample("笔记")))
                                        .toList()),
                        new FactChannel("kepu.sparse", "Sparse ones", "ownerId", "owner's id", Sparse.class,
                                List.of(new FactMessage(SparseTypes.NOTED, "Noted", new Sparse(ID, null, null)))));
            }

            @Override
            public Optional<String> deadLetterTopic() {
                return Optional.of("kepu.dead-letters");
            }
        };
    }

    private static String document(String... types) throws Exception {
        return JSON.writeValueAsString(
                new AsyncApiDocument(JSON).of("sample-service", "/kepu/sample-service", catalogue(types)));
    }

    @Test
    void theDocumentDescribesEveryTypeWithItsRecordAndNothingElse() throws Exception {
        FactsDocument.of(document(SampleTypes.MADE, SampleTypes.CHANGED))
                .describes(SampleTypes.TOPIC, SampleTypes.class, Sample.class)
                .describes("kepu.sparse", SparseTypes.class, Sparse.class).describesDeadLetters("kepu.dead-letters")
                .assertExamplesValid().assertNothingElse();
    }

    @Test
    void nullableComponentsAreRequiredNullsUnlessNullsAreLeftOut() throws Exception {
        JsonNode schemas = JSON.readTree(document(SampleTypes.MADE)).path("components").path("schemas");
        assertEquals("[\"string\",\"null\"]", schemas.at("/Sample/properties/note/type").toString());
        assertEquals("\"string\"", schemas.at("/Sparse/properties/maybe/type").toString());
        assertEquals("[\"ownerId\"]", schemas.at("/Sparse/required").toString());
        assertEquals("[\"RED\",\"GREEN\"]", schemas.at("/Sample/properties/colour/enum").toString());
        assertEquals("#/components/schemas/SamplePart", schemas.at("/Sample/properties/part/oneOf/0/$ref").asText());
    }

    @Test
    void aTypeTheCodeWritesButTheDocumentLacksFails() throws Exception {
        FactsDocument document = FactsDocument.of(document(SampleTypes.MADE));
        assertThrows(AssertionError.class, () -> document.describes(SampleTypes.TOPIC, SampleTypes.class,
                Sample.class));
    }

    @Test
    void aComponentTheDocumentDoesNotNameFails() throws Exception {
        FactsDocument document = FactsDocument.of(document(SampleTypes.MADE, SampleTypes.CHANGED));
        AssertionError drift = assertThrows(AssertionError.class,
                () -> document.describes(SampleTypes.TOPIC, SampleTypes.class, Grown.class));
        assertTrue(drift.getMessage().contains("added"), drift.getMessage());
    }

    @Test
    void aChannelNoTestDescribedIsUnknownToTheCode() throws Exception {
        FactsDocument document = FactsDocument.of(document(SampleTypes.MADE, SampleTypes.CHANGED))
                .describes(SampleTypes.TOPIC, SampleTypes.class, Sample.class).describesDeadLetters("kepu.dead-letters");
        assertThrows(AssertionError.class, document::assertNothingElse);
    }

    @Test
    void aRecordOffKafkaIsCheckedAgainstItsMessage() throws Exception {
        FactsDocument document = FactsDocument.of(document(SampleTypes.MADE, SampleTypes.CHANGED));
        JsonNode example = document.json().at("/components/messages/kepu.sample.made/examples/0/payload");
        assertEquals(List.of(), document.problems(record(ID.toString(), example.toString())));

        assertProblem(document, record(UUID.randomUUID().toString(), example.toString()), "is not data.id");
        assertProblem(document, record(ID.toString(), example.toString().replace(ID.toString(), "not-a-uuid")),
                "uuid");
        assertProblem(document, record(ID.toString(), example.toString().replace("\"colour\":\"GREEN\"",
                "\"colour\":\"BLUE\"")), "colour");
        assertProblem(document, record(ID.toString(), example.toString().replace("\"note\":\"笔记\"",
                "\"note\":\"笔记\",\"secret\":1")), "data.secret is not in the document");
        assertProblem(document, record(ID.toString(), example.toString().replace("\"note\":\"笔记\",", "")),
                "note");
        assertProblem(document, record(ID.toString(), example.toString().replace("kepu.sample.made",
                "kepu.sample.lost")), "does not list");
        String traced = example.toString().replaceFirst("^\\{",
                "{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",");
        assertEquals(List.of(), document.problems(record(ID.toString(), traced)), "the envelope names traceparent");
        assertProblem(document, record(ID.toString(), traced.replace("-01\"", "\"")), "traceparent");
        ConsumerRecord<String, String> bare = new ConsumerRecord<>(SampleTypes.TOPIC, 0, 0, ID.toString(),
                example.toString());
        assertProblem(document, bare, "content-type");
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(SampleTypes.TOPIC, 0, 0, key, value);
        record.headers().add(new RecordHeader("content-type",
                AsyncApiDocument.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return record;
    }

    private static void assertProblem(FactsDocument document, ConsumerRecord<String, String> record, String problem) {
        List<String> problems = document.problems(record);
        assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), "expected a problem with " + problem
                + " among " + problems);
    }
}
