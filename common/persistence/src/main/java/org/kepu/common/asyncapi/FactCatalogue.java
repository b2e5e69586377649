package org.kepu.common.asyncapi;

import java.util.List;
import java.util.Optional;

/**
 * What a service writes to Kafka, for its AsyncAPI document ({@code /q/asyncapi}): every service with an outbox
 * provides one bean of this type in its {@code messaging} package, next to the fact types it lists.
 */
public interface FactCatalogue {

    /** The topics this service writes facts to, with every fact type it writes to each. */
    List<FactChannel> channels();

    /** The topic this service sends what it cannot apply to, if it consumes facts at all. */
    default Optional<String> deadLetterTopic() {
        return Optional.empty();
    }
}
