package org.kepu.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.restassured.RestAssured;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

/**
 * An AsyncAPI document of Kepu's facts as a test reads it, so that the document and the code cannot drift apart:
 * <ul>
 * <li>{@link #describes}: a topic lists exactly the CloudEvent types a class's constants name, and each message's
 * {@code data} schema has exactly the fact record's components as properties, with their JSON types, nullability and
 * required list (each service's FactsDocumentTest);</li>
 * <li>{@link #assertExamplesValid}: every example is valid against its own message;</li>
 * <li>{@link #assertNothingElse}: nothing in the document is unknown to the code (no channel, message or schema that
 * no {@code describes} reached);</li>
 * <li>{@link #problems}: what a record read off Kafka breaks of its message's payload, headers and key (the system
 * tests).</li>
 * </ul>
 * Nullability as the services declare it: a primitive or {@code @NotNull} component is required and never null; any
 * other is nullable, and under {@code @JsonInclude(NON_NULL)} optional instead (left out when null).
 */
public final class FactsDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://kepu.local/asyncapi.json";
    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Set<String> describedChannels = new HashSet<>();
    private final Set<String> describedMessages = new HashSet<>();
    private final Set<String> describedSchemas = new HashSet<>();

    private FactsDocument(String text) throws Exception {
        this.document = JSON.readTree(text);
        // AsyncAPI's schema object is JSON Schema draft 7 plus x- extensions, and the document resolves its own $refs:
        // the whole document is loaded as one resource, whose other members (channels, info…) are mere annotations.
        Dialect asyncApi = Dialect.builder(Dialects.getDraft7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
        this.schemas = SchemaRegistry.withDefaultDialect(asyncApi, builder -> builder.schemas(Map.of(BASE, text)));
    }

    /** The document served as {@code text} (a service's {@code /q/asyncapi} or the gateway's merged one). */
    public static FactsDocument of(String text) {
        try {
            return new FactsDocument(text);
        } catch (Exception e) {
            throw new AssertionError("The AsyncAPI document is not JSON: " + e.getMessage(), e);
        }
    }

    /** The document the service under test serves at {@code /q/asyncapi} (where a {@code @QuarkusTest} points). */
    public static FactsDocument served() {
        return of(RestAssured.given().when().get("/q/asyncapi").then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    /** The document as JSON. */
    public JsonNode json() {
        return document;
    }

    /**
     * Checks that {@code topic} carries exactly the CloudEvent types named by {@code typeConstants}' public static
     * String constants (those named {@code TOPIC} excepted), each with {@code payload} as its data, keyed by one of
     * the payload's never-null UUID components.
     */
    public FactsDocument describes(String topic, Class<?> typeConstants, Class<? extends Record> payload) {
        JsonNode channel = document.path("channels").path(topic);
        assertTrue(channel.isObject(), "The document has no channel " + topic);
        assertEquals(topic, channel.path("address").asText(), "the address of channel " + topic);
        describedChannels.add(topic);
        Set<String> written = typesOf(typeConstants);
        Set<String> documented = new TreeSet<>();
        channel.path("messages").fieldNames().forEachRemaining(documented::add);
        assertEquals(written, documented, "The types " + typeConstants.getSimpleName() + " writes to " + topic
                + " (left) and those the document lists (right)");
        for (String type : written) {
            JsonNode message = resolve(channel.path("messages").path(type));
            describedMessages.add(type);
            JsonNode payloadSchema = message.path("payload");
            assertEquals("CloudEvent", refName(payloadSchema.path("allOf").path(0)), type + ": the envelope");
            describedSchemas.add("CloudEvent");
            describedSchemas.add(refName(message.path("headers")));
            assertEquals(type, payloadSchema.path("properties").path("type").path("const").asText(),
                    type + ": the CloudEvent type");
            assertRecord(type + " data", payloadSchema.path("properties").path("data"), payload, false);
            JsonNode key = message.path("bindings").path("kafka").path("key");
            String keyProperty = key.path("x-kepu-key-property").asText();
            RecordComponent keyed = Arrays.stream(payload.getRecordComponents())
                    .filter(c -> c.getName().equals(keyProperty)).findFirst().orElse(null);
            assertTrue(keyed != null && keyed.getType() == UUID.class && isNeverNull(keyed), type
                    + ": the key is said to be data." + keyProperty + ", which is no never-null UUID of "
                    + payload.getSimpleName());
            assertEquals("uuid", key.path("format").asText(), type + ": the key's format");
        }
        return this;
    }

    /** Checks the dead-letter channel: its one message, its headers, and the key any record may have. */
    public FactsDocument describesDeadLetters(String topic) {
        JsonNode channel = document.path("channels").path(topic);
        assertTrue(channel.isObject(), "The document has no channel " + topic);
        describedChannels.add(topic);
        List<String> names = new ArrayList<>();
        channel.path("messages").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("kepu.dead-letter"), names, "the messages of " + topic);
        describedMessages.add("kepu.dead-letter");
        describedSchemas.add(refName(resolve(channel.path("messages").path("kepu.dead-letter")).path("headers")));
        return this;
    }

    /** Checks that every example of every message is valid against the message's payload and headers. */
    public FactsDocument assertExamplesValid() {
        document.path("components").path("messages").fields().forEachRemaining(message -> {
            JsonNode examples = message.getValue().path("examples");
            assertTrue(examples.size() > 0, message.getKey() + " has no example");
            for (JsonNode example : examples) {
                List<String> problems = new ArrayList<>();
                problems.addAll(problems(messageSchema(message.getKey(), "payload"), example.path("payload")));
                problems.addAll(problems(messageSchema(message.getKey(), "headers"), example.path("headers")));
                assertEquals(List.of(), problems, "the example of " + message.getKey());
            }
        });
        return this;
    }

    /** Checks that every channel, message and schema of the document was reached by what this test described. */
    public void assertNothingElse() {
        Set<String> channels = new TreeSet<>();
        document.path("channels").fieldNames().forEachRemaining(channels::add);
        channels.removeAll(describedChannels);
        assertEquals(Set.of(), channels, "Channels the code does not write");
        Set<String> messages = new TreeSet<>();
        document.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        messages.removeAll(describedMessages);
        assertEquals(Set.of(), messages, "Messages the code does not write");
        Set<String> schemas = new TreeSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        schemas.removeAll(describedSchemas);
        assertEquals(Set.of(), schemas, "Schemas no fact of the code has");
    }

    /**
     * What a record read off Kafka breaks of the document: its value against the payload of the message of its
     * CloudEvent type (and any data property the schema does not name), its headers against the message's headers,
     * its key against the message's key and the property of the data the key is said to be. Empty when it keeps to
     * it; a record of a type the document does not list is a problem too.
     */
    public List<String> problems(ConsumerRecord<String, String> record) {
        List<String> problems = new ArrayList<>();
        boolean deadLetter = document.path("channels").path(record.topic()).path("messages").has("kepu.dead-letter");
        String type = deadLetter ? "kepu.dead-letter" : typeOf(record.value());
        JsonNode message = document.path("components").path("messages").path(type);
        if (!message.isObject() || !document.path("channels").path(record.topic()).path("messages").has(type)) {
            return List.of(record.topic() + " carries " + type + ", which the document does not list there");
        }
        problems.addAll(problems(messageSchema(type, "headers"), headersOf(record)));
        JsonNode key = record.key() == null ? JSON.nullNode() : TextNode.valueOf(record.key());
        problems.addAll(problems(messageSchema(type, "bindings/kafka/key"), key).stream().map(p -> "key: " + p)
                .toList());
        if (deadLetter) {
            return problems;
        }
        JsonNode value;
        try {
            value = JSON.readTree(record.value());
        } catch (Exception e) {
            return List.of("the value is not JSON: " + e.getMessage());
        }
        problems.addAll(problems(messageSchema(type, "payload"), value));
        String keyProperty = message.path("bindings").path("kafka").path("key").path("x-kepu-key-property").asText();
        if (!value.path("data").path(keyProperty).asText().equals(record.key())) {
            problems.add("the key " + record.key() + " is not data." + keyProperty);
        }
        if (!value.path("subject").asText().equals(record.key())) {
            problems.add("the key " + record.key() + " is not the subject " + value.path("subject"));
        }
        unnamed("data", value.path("data"), message.path("payload").path("properties").path("data"), problems);
        return problems;
    }

    private static String typeOf(String value) {
        try {
            return JSON.readTree(value).path("type").asText("(no type)");
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    private static ObjectNode headersOf(ConsumerRecord<String, String> record) {
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Properties of {@code value} that its schema does not name: an undocumented property is drift too. */
    private void unnamed(String path, JsonNode value, JsonNode schema, List<String> problems) {
        JsonNode resolved = nonNull(resolve(schema));
        if (value.isObject() && resolved.has("properties")) {
            value.fieldNames().forEachRemaining(name -> {
                if (!resolved.path("properties").has(name)) {
                    problems.add(path + "." + name + " is not in the document");
                } else {
                    unnamed(path + "." + name, value.get(name), resolved.path("properties").path(name), problems);
                }
            });
        } else if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unnamed(path + "." + i, value.get(i), resolved.path("items"), problems);
            }
        }
    }

    private Schema messageSchema(String message, String part) {
        return schemas.getSchema(SchemaLocation.of(BASE + "#/components/messages/" + message + "/" + part));
    }

    private static List<String> problems(Schema schema, JsonNode value) {
        List<Error> errors = schema.validate(value, context -> context.executionConfig(config -> config
                .formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    private void assertRecord(String where, JsonNode schemaOrRef, Class<?> record, boolean nullable) {
        JsonNode unwrapped = nonNull(schemaOrRef);
        assertEquals(nullable, unwrapped != schemaOrRef, where + " is nullable");
        String name = refName(unwrapped);
        describedSchemas.add(name);
        JsonNode schema = resolve(unwrapped);
        assertEquals("object", schema.path("type").asText(), where + " is an object");
        Set<String> components = new LinkedHashSet<>();
        Set<String> required = new TreeSet<>();
        boolean omitsNulls = omitsNulls(record.getAnnotation(JsonInclude.class));
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            boolean neverNull = isNeverNull(component);
            boolean omitted = omitsNulls || omitsNulls(component.getAccessor().getAnnotation(JsonInclude.class));
            if (neverNull || !omitted) {
                required.add(component.getName());
            }
            assertValue(where + "." + component.getName(), schema.path("properties").path(component.getName()),
                    component.getGenericType(), !neverNull && !omitted);
        }
        Set<String> documented = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(components, documented, where + ": the components of " + record.getSimpleName()
                + " (left) and the properties the document gives (right)");
        Set<String> documentedRequired = new TreeSet<>();
        schema.path("required").forEach(r -> documentedRequired.add(r.asText()));
        assertEquals(required, documentedRequired, where + ": required properties");
    }

    private void assertValue(String where, JsonNode property, Type type, boolean nullable) {
        Class<?> raw = type instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            assertRecord(where, property, raw, nullable);
            return;
        }
        JsonNode types = property.path("type");
        Set<String> expected = new TreeSet<>(Set.of(jsonType(raw)));
        if (nullable) {
            expected.add("null");
        }
        Set<String> actual = new TreeSet<>();
        if (types.isArray()) {
            types.forEach(t -> actual.add(t.asText()));
        } else {
            actual.add(types.asText());
        }
        assertEquals(expected, actual, where + ": JSON types of " + type.getTypeName());
        assertEquals(format(raw), property.path("format").asText(null), where + ": format");
        if (raw.isEnum()) {
            Set<String> names = new TreeSet<>();
            for (Object constant : raw.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            Set<String> listed = new TreeSet<>();
            property.path("enum").forEach(value -> {
                if (!value.isNull()) {
                    listed.add(value.asText());
                }
            });
            assertEquals(names, listed, where + ": the values of " + raw.getSimpleName());
        }
        Type[] arguments = type instanceof ParameterizedType generic ? generic.getActualTypeArguments() : new Type[0];
        if (Collection.class.isAssignableFrom(raw)) {
            assertValue(where + "[]", property.path("items"), arguments[0], false);
        } else if (raw.isArray()) {
            assertValue(where + "[]", property.path("items"), raw.getComponentType(), false);
        } else if (Map.class.isAssignableFrom(raw)) {
            assertValue(where + "{}", property.path("additionalProperties"), arguments[1], false);
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type == UUID.class || type == OffsetDateTime.class || type == LocalDate.class
                || type.isEnum()) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        throw new AssertionError("No JSON type known for " + type.getName());
    }

    private static String format(Class<?> type) {
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == OffsetDateTime.class) {
            return "date-time";
        }
        return type == LocalDate.class ? "date" : null;
    }

    private static boolean isNeverNull(RecordComponent component) {
        if (component.getType().isPrimitive()) {
            return true;
        }
        for (Annotation annotation : component.getAccessor().getAnnotations()) {
            if (annotation.annotationType().getName().equals("jakarta.validation.constraints.NotNull")) {
                return true;
            }
        }
        return false;
    }

    private static boolean omitsNulls(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    /** The schema without its null alternative ({@code oneOf: [schema, {type: null}]}), or itself. */
    private static JsonNode nonNull(JsonNode schema) {
        JsonNode alternatives = schema.path("oneOf");
        if (alternatives.size() == 2 && alternatives.get(1).path("type").asText().equals("null")) {
            return alternatives.get(0);
        }
        return schema;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : document.at(ref.substring(1));
    }

    private static String refName(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : ref;
    }

    /** The public static String constants of a class that are CloudEvent types (a constant named TOPIC is not). */
    static Set<String> typesOf(Class<?> constants) {
        Set<String> types = new TreeSet<>();
        for (Field field : constants.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && field.getType() == String.class && !field.getName().equals("TOPIC")) {
                try {
                    field.setAccessible(true); // a test's own constants may sit in a class that is not public
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }
}
