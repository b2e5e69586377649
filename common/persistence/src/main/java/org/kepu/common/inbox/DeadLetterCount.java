package org.kepu.common.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counts the facts a consumer sent to {@code kepu.dead-letters}, by the topic they came from:
 * {@code kepu_dead_letters_total{topic}}. Each is a fact a read model went without until a person looks, so an
 * operator is told of the first one.
 *
 * <p>
 * Every incoming channel's topic has its counter from the start, at 0: {@code increase()} over a series that appears
 * with its first dead letter would see nothing, and the alert would miss exactly that first one.
 */
@Startup
@ApplicationScoped
public class DeadLetterCount {

    /** {@code mp.messaging.incoming.<channel>.<attribute>}: the channels this service reads. */
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\..+");

    private final MeterRegistry registry;
    private final Map<String, Counter> byTopic = new ConcurrentHashMap<>();

    public DeadLetterCount(MeterRegistry registry, Config config) {
        this.registry = registry;
        for (String property : config.getPropertyNames()) {
            Matcher incoming = INCOMING.matcher(property);
            if (incoming.matches()) {
                String channel = incoming.group(1);
                // A channel without a topic reads the topic of its own name, as the Kafka connector does.
                String topic = config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                        .orElse(channel);
                byTopic.computeIfAbsent(topic, this::counter);
            }
        }
    }

    /** One fact from {@code topic} was dead-lettered (the broker acknowledged it on the dead-letter topic). */
    public void counted(String topic) {
        byTopic.computeIfAbsent(topic, this::counter).increment();
    }

    private Counter counter(String topic) {
        return Counter.builder("kepu.dead.letters").tag("topic", topic)
                .description("Facts sent to kepu.dead-letters, by the topic they came from").register(registry);
    }
}
