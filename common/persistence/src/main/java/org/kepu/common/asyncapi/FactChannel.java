package org.kepu.common.asyncapi;

import java.util.List;

/**
 * One topic a service writes facts to, as the AsyncAPI document describes it: its messages share one payload record,
 * the definition of their {@code data}.
 *
 * @param topic the Kafka topic, as the service is configured to write it
 * @param description what the topic carries and why it is keyed as it is
 * @param keyProperty the property of the payload whose value is the record's key (and the CloudEvent's subject)
 * @param keyDescription what the key is, e.g. "the event's id"
 * @param payload the record every message's {@code data} is made from
 * @param messages the fact types written to the topic, each with an example
 */
public record FactChannel(String topic, String description, String keyProperty, String keyDescription,
        Class<? extends Record> payload, List<FactMessage> messages) {

    public FactChannel {
        messages = List.copyOf(messages);
        for (FactMessage message : messages) {
            if (!payload.isInstance(message.example())) {
                throw new IllegalArgumentException("The example of " + message.type() + " is a "
                        + message.example().getClass().getSimpleName() + ", not a " + payload.getSimpleName());
            }
        }
    }
}
