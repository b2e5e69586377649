package org.kepu.common.asyncapi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.kepu.common.tracing.FactTrace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service's AsyncAPI 3.0 document: a channel per topic it writes, a message per CloudEvent type with the headers,
 * key and structured-mode envelope {@code Outbox} writes, the payload's {@code data} derived from the fact record
 * ({@link FactSchemas}), and an example made from a real fact with the service's own JSON mapper. The gateway merges
 * the services' documents into one.
 */
public final class AsyncApiDocument {

    /** The AsyncAPI version written: 3.0, which the tools consumers use (Spectral, the generators, Studio) all read. */
    public static final String VERSION = "3.0.0";

    /** The record header {@code OutboxRelay} puts on every fact. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final String KAFKA_BINDING = "0.5.0";

    private final ObjectMapper json;

    public AsyncApiDocument(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The document of one service.
     *
     * @param service its name, e.g. {@code event-service}
     * @param source the CloudEvents source its facts carry ({@code kepu.outbox.source})
     */
    public ObjectNode of(String service, String source, FactCatalogue catalogue) {
        ObjectNode document = json.createObjectNode();
        document.put("asyncapi", VERSION);
        info(document.putObject("info"), "Kepu " + service + " facts",
                "The facts " + service + " writes to Kafka. Every fact is a CloudEvents 1.0 event in structured JSON "
                        + "mode (the record's value is the whole event; its data the aggregate after the change), "
                        + "keyed by the aggregate that orders it. Facts change additively: a consumer ignores "
                        + "properties it does not know, and a breaking change is a new type.");
        document.withObjectProperty("info").putArray("tags").addObject().put("name", service).put("description",
                "The facts " + service + " writes");
        document.put("defaultContentType", "application/cloudevents+json");
        servers(document.putObject("servers"));
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        FactSchemas schemas = new FactSchemas();
        ObjectNode schemaNodes = components.putObject("schemas");
        schemaNodes.set("CloudEvent", cloudEvent());
        schemaNodes.set("FactHeaders", factHeaders());
        for (FactChannel channel : catalogue.channels()) {
            ObjectNode node = channel(channels, channel.topic(), channel.description());
            ObjectNode operation = operation(operations, service, channel.topic(),
                    service + " writes these facts through its transactional outbox, in the order of each key.");
            ObjectNode key = key(channel);
            ObjectNode data = schemas.reference(channel.payload());
            for (FactMessage message : channel.messages()) {
                messages.set(message.type(), message(message, source, channel, key, data));
                node.withObjectProperty("messages").putObject(message.type()).put("$ref",
                        "#/components/messages/" + message.type());
                operation.withArrayProperty("messages").addObject().put("$ref",
                        "#/channels/" + channel.topic() + "/messages/" + message.type());
            }
        }
        schemas.components().forEach(schemaNodes::set);
        Optional<String> deadLetters = catalogue.deadLetterTopic();
        deadLetters.ifPresent(topic -> {
            ObjectNode node = channel(channels, topic, "What a consumer could not apply, however often it tried (no "
                    + "CloudEvent, no id, data that does not bind, or still failing after its retries), so that its "
                    + "topic moves on: the original key and value, with where it came from and why in the headers. "
                    + "Every consumer of every service writes here; nothing reads it automatically.");
            node.withObjectProperty("messages").putObject(DeadLetterMessage.NAME).put("$ref",
                    "#/components/messages/" + DeadLetterMessage.NAME);
            operation(operations, service, topic, service + " sends here what its consumers cannot apply.")
                    .withArrayProperty("messages").addObject().put("$ref", "#/channels/" + topic + "/messages/"
                            + DeadLetterMessage.NAME);
            messages.set(DeadLetterMessage.NAME, DeadLetterMessage.message(json));
            schemaNodes.set(DeadLetterMessage.HEADERS, DeadLetterMessage.headers(json));
        });
        return document;
    }

    /** The document's info: title, description, and who answers for it. */
    private static void info(ObjectNode info, String title, String description) {
        info.put("title", title);
        info.put("version", "1.0");
        info.put("description", description);
        info.putObject("contact").put("name", "Kepu maintainers").put("url", "https://kepu.org");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
    }

    /**
     * The Kafka cluster: one server whose address each deployment fills in. The document is public, so it names the
     * local stack's broker rather than the deployment's own addresses.
     */
    private static void servers(ObjectNode servers) {
        ObjectNode kafka = servers.putObject("kafka");
        kafka.put("host", "{bootstrap}");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The deployment's Kafka cluster (KAFKA_BOOTSTRAP_SERVERS); consumers read with "
                + "their own group id, from the earliest offset to see every aggregate's history.");
        kafka.putObject("variables").putObject("bootstrap").put("default", "127.0.0.1:9092").put("description",
                "Comma-separated host:port pairs of the brokers; the default is deploy/local/stack.sh's");
    }

    private static ObjectNode channel(ObjectNode channels, String topic, String description) {
        ObjectNode channel = channels.putObject(topic);
        channel.put("address", topic);
        channel.put("title", topic);
        channel.put("description", description);
        channel.putObject("bindings").putObject("kafka").put("topic", topic).put("bindingVersion", KAFKA_BINDING);
        return channel;
    }

    private static ObjectNode operation(ObjectNode operations, String service, String topic, String description) {
        ObjectNode operation = operations.putObject(service + ".sends." + topic);
        operation.put("action", "send");
        operation.putObject("channel").put("$ref", "#/channels/" + topic);
        operation.put("summary", service + " writes to " + topic);
        operation.put("description", description);
        operation.putArray("tags").addObject().put("name", service);
        return operation;
    }

    private ObjectNode key(FactChannel channel) {
        ObjectNode key = json.createObjectNode().put("type", "string").put("format", "uuid");
        key.put("description", "The " + channel.keyDescription() + " (data." + channel.keyProperty() + ", and the "
                + "CloudEvent's subject): its facts stay in order on one partition.");
        key.put("x-kepu-key-property", channel.keyProperty());
        return key;
    }

    private ObjectNode message(FactMessage message, String source, FactChannel channel, ObjectNode key,
            ObjectNode data) {
        ObjectNode node = json.createObjectNode();
        node.put("name", message.type());
        node.put("title", message.type());
        node.put("summary", message.summary());
        node.put("contentType", "application/cloudevents+json");
        node.putObject("headers").put("$ref", FactSchemas.COMPONENTS + "FactHeaders");
        ObjectNode payload = node.putObject("payload");
        payload.put("type", "object");
        payload.putArray("allOf").addObject().put("$ref", FactSchemas.COMPONENTS + "CloudEvent");
        ObjectNode attributes = payload.putObject("properties");
        attributes.putObject("type").put("const", message.type());
        attributes.putObject("source").put("const", source);
        attributes.set("data", data.deepCopy());
        node.putObject("bindings").putObject("kafka").<ObjectNode>set("key", key.deepCopy()).put("bindingVersion",
                KAFKA_BINDING);
        ObjectNode example = node.putArray("examples").addObject();
        example.put("name", message.type().substring(message.type().lastIndexOf('.') + 1));
        example.put("summary", message.summary());
        example.putObject("headers").put("content-type", CONTENT_TYPE);
        example.set("payload", exampleEvent(message, source, channel));
        return node;
    }

    /** The example as {@code Outbox} would write it: the fact in its envelope, with a fixed id and time. */
    private ObjectNode exampleEvent(FactMessage message, String source, FactChannel channel) {
        ObjectNode data = json.valueToTree(message.example());
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.nameUUIDFromBytes(message.type().getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("source", source);
        event.put("type", message.type());
        event.put("subject", data.path(channel.keyProperty()).asText());
        event.put("time", "2024-09-21T02:30:00Z");
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** The envelope {@code Outbox} writes around every fact. */
    private ObjectNode cloudEvent() {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        schema.put("description", "A CloudEvents 1.0 event in structured JSON mode: the record's whole value. "
                + "Other extension attributes may be added; consumers ignore those they do not know.");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("format", "uuid").put("description",
                "Unique per fact: a consumer records it with its effect, so a redelivered fact changes nothing");
        properties.putObject("source").put("type", "string").put("format", "uri-reference").put("description",
                "The service that wrote it (kepu.outbox.source)");
        properties.putObject("type").put("type", "string").put("description",
                "What happened, in the past tense; a message of the channel");
        properties.putObject("subject").put("type", "string").put("format", "uuid").put("description",
                "The aggregate that orders the fact: always the record's key");
        properties.putObject("time").put("type", "string").put("format", "date-time").put("description",
                "When the change was made, in UTC");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties.putObject("data").put("type", "object").put("description",
                "The aggregate after the change, as each message's schema gives it");
        properties.putObject(FactTrace.TRACEPARENT).put("type", "string")
                .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$").put("description",
                        "The trace and span the fact was written in (CloudEvents distributed tracing, W3C Trace "
                                + "Context): a consumer continues the writing request's trace from it. Absent when "
                                + "the change was made outside a trace");
        properties.putObject(FactTrace.TRACESTATE).put("type", "string").put("description",
                "Vendors' trace state (W3C Trace Context), written only when there is some");
        schema.putArray("required").add("specversion").add("id").add("source").add("type").add("subject")
                .add("time").add("datacontenttype").add("data");
        return schema;
    }

    private ObjectNode factHeaders() {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        schema.put("description", "Kafka record headers (UTF-8 text)");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("content-type").put("const", CONTENT_TYPE).put("description",
                "Says the value is a structured-mode CloudEvent");
        properties.putObject(FactTrace.TRACEPARENT).put("type", "string").put("description",
                "The CloudEvent's traceparent repeated, for tools that follow traces by Kafka headers");
        schema.putArray("required").add("content-type");
        return schema;
    }
}
