package org.kepu.deploy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kepu.common.asyncapi.FactCatalogue;
import org.kepu.common.asyncapi.FactChannel;
import org.kepu.events.config.EventsConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What a service does on Kafka, as its own code says: the topics it writes (its {@code WrittenFacts} and the dead-letter
 * topics of its channels), the topics it reads (its channels, and the clients it builds itself) and the consumer groups
 * it reads them in. Read from the service's classes and its application.properties, with the environment a Deployment
 * gives it, through SmallRye Config as Quarkus resolves them (defaults, {@code ${…}} expressions, config mappings).
 */
record KafkaUse(Set<String> writes, Set<String> reads, Set<String> groups) {

    private static final Map<String, Class<? extends FactCatalogue>> WRITTEN_FACTS = Map.of(
            "event-service", org.kepu.events.messaging.WrittenFacts.class,
            "venue-service", org.kepu.venues.messaging.WrittenFacts.class,
            "reporting-service", org.kepu.reporting.messaging.WrittenFacts.class);
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([\\w-]+)\\..+");
    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";

    /** The services that speak Kafka: each has its WrittenFacts. */
    static Set<String> services() {
        return new TreeSet<>(WRITTEN_FACTS.keySet());
    }

    static KafkaUse of(String service, Path root, Map<String, String> environment) throws IOException {
        Class<? extends FactCatalogue> catalogueType = WRITTEN_FACTS.get(service);
        Constructor<?> constructor = catalogueType.getConstructors()[0];
        PropertiesConfigSource properties = new PropertiesConfigSource(
                root.resolve(service).resolve("src/main/resources/application.properties").toUri().toURL(), 250);
        Set<Class<?>> mappings = new HashSet<>();
        for (Parameter parameter : constructor.getParameters()) {
            if (parameter.getType().isAnnotationPresent(ConfigMapping.class)) {
                mappings.add(parameter.getType());
            }
        }
        if (service.equals("event-service")) {
            mappings.add(EventsConfig.class);
        }
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(properties, new EnvConfigSource(environment, 300))
                .withValidateUnknown(false)
                .withConverter(Duration.class, 200, KafkaUse::quarkusDuration);
        mappings.forEach(builder::withMapping);
        SmallRyeConfig config = builder.build();

        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        FactCatalogue facts = writtenFacts(constructor, config);
        facts.channels().stream().map(FactChannel::topic).forEach(writes::add);
        facts.deadLetterTopic().ifPresent(writes::add);

        Set<String> channels = new TreeSet<>();
        for (String name : properties.getPropertyNames()) {
            Matcher incoming = INCOMING.matcher(name);
            if (incoming.matches()) {
                channels.add(incoming.group(1));
            }
        }
        for (String channel : channels) {
            reads.add(channelSetting(config, channel, "topic").orElse(channel));
            // Quarkus gives every channel the application's name as group unless one is configured.
            groups.add(channelSetting(config, channel, "group.id").or(() -> config.getOptionalValue("kafka.group.id",
                    String.class)).orElseGet(() -> config.getValue("quarkus.application.name", String.class)));
            if (channelSetting(config, channel, "failure-strategy").orElse("fail").endsWith("dead-letter-queue")) {
                writes.add(channelSetting(config, channel, "dead-letter-queue.topic")
                        .orElse("dead-letter-topic-" + channel));
            }
        }
        // Clients the service builds itself, outside the channels. event-service's cache listener reads its own event
        // topic with no group (messaging.OtherReplicasChanges). reporting-service's rebuild replays and describes its
        // channels' topics (messaging.FactReplay, TopicHistory), with no group either: nothing to add for it.
        if (service.equals("event-service")) {
            EventsConfig events = config.getConfigMapping(EventsConfig.class);
            if (events.followOtherReplicas() && (events.searchCache().enabled() || events.eventCache().enabled())) {
                reads.add(events.topics().events());
            }
        }
        return new KafkaUse(writes, reads, groups);
    }

    private static Optional<String> channelSetting(SmallRyeConfig config, String channel, String key) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + "." + key, String.class)
                .or(() -> config.getOptionalValue(CONNECTOR + key, String.class));
    }

    /** Quarkus' form of a duration ("60s", "200ms", "7d", or ISO-8601), which plain SmallRye Config does not read. */
    private static Duration quarkusDuration(String value) {
        String duration = value.trim();
        if (duration.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(duration));
        }
        if (duration.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(duration.substring(0, duration.length() - 2)));
        }
        if (duration.matches("\\d+d")) {
            return Duration.ofDays(Long.parseLong(duration.substring(0, duration.length() - 1)));
        }
        return Duration.parse(duration.toUpperCase().startsWith("P") ? duration : "PT" + duration);
    }

    /** The service's WrittenFacts, given what it is injected with: config mappings and config properties. */
    private static FactCatalogue writtenFacts(Constructor<?> constructor, SmallRyeConfig config) {
        Object[] arguments = new Object[constructor.getParameterCount()];
        Parameter[] parameters = constructor.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            ConfigProperty property = parameters[i].getAnnotation(ConfigProperty.class);
            arguments[i] = property != null
                    ? config.getValue(property.name(), parameters[i].getType())
                    : config.getConfigMapping(parameters[i].getType());
        }
        try {
            return (FactCatalogue) constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot make " + constructor.getDeclaringClass().getName(), e);
        }
    }
}
