package org.kepu.common.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one message of the dead-letter topic, as both writers of it send it: a consumer's own dead-lettering
 * (reporting-service's {@code messaging.DeadLetters}) and the Kafka connector's dead-letter strategy, which write the
 * same headers, so one tool reads both.
 */
final class DeadLetterMessage {

    static final String NAME = "kepu.dead-letter";
    static final String HEADERS = "DeadLetterHeaders";

    private DeadLetterMessage() {
    }

    static ObjectNode message(ObjectMapper json) {
        ObjectNode message = json.createObjectNode();
        message.put("name", NAME);
        message.put("title", "A fact that could not be applied");
        message.put("summary", "The original record, unchanged, with where it came from and why it was not applied");
        message.putObject("headers").put("$ref", FactSchemas.COMPONENTS + HEADERS);
        message.putObject("payload").put("description", "The original record's value exactly as it was read: "
                + "usually a CloudEvent of the topic in dead-letter-topic, or whatever could not be read as one");
        ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
        key.putArray("type").add("string").add("null");
        key.put("description", "The original record's key");
        message.withObjectProperty("bindings").withObjectProperty("kafka").put("bindingVersion", "0.5.0");
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "unreadable");
        example.put("summary", "A value on kepu.tours that is no CloudEvent");
        example.putObject("headers").put("dead-letter-reason", "Not a CloudEvent: no id")
                .put("dead-letter-topic", "kepu.tours").put("dead-letter-partition", "2")
                .put("dead-letter-offset", "118");
        example.put("payload", "{\"not\":\"a cloud event\"}");
        return message;
    }

    static ObjectNode headers(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        schema.put("description", "Kafka record headers (UTF-8 text); the connector's strategy also copies the "
                + "original record's headers");
        ObjectNode properties = schema.putObject("properties");
        text(properties, "dead-letter-reason", "Why it was not applied");
        text(properties, "dead-letter-topic", "The topic it was read from");
        properties.putObject("dead-letter-partition").put("type", "string").put("pattern", "^[0-9]+$")
                .put("description", "Its partition there");
        properties.putObject("dead-letter-offset").put("type", "string").put("pattern", "^[0-9]+$")
                .put("description", "Its offset there");
        text(properties, "dead-letter-exception-class-name", "The failure's class (the connector's strategy only)");
        text(properties, "dead-letter-cause", "The failure's cause (the connector's strategy, when there is one)");
        text(properties, "dead-letter-cause-class-name", "The cause's class (likewise)");
        schema.putArray("required").add("dead-letter-reason").add("dead-letter-topic").add("dead-letter-partition")
                .add("dead-letter-offset");
        return schema;
    }

    private static void text(ObjectNode properties, String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
    }
}
