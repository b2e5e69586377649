package org.kepu.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The Kafka settings a Deployment gives as environment variables reach the clients a service builds itself (outbox
 * producer, cache listener, rebuild replay, topic history) exactly as they reach the SmallRye channels: through
 * Quarkus' {@code default-kafka-broker} map, then {@link KafkaConnection#settings}.
 */
class KafkaConnectionTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"event-service\" password=\"s3cr3t\";";

    /** Quarkus' own map, from the service's properties and an environment (Quarkus' producer, as at runtime). */
    private static Map<String, Object> defaultKafkaBroker(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092",
                        "quarkus.application.name", "event-service"), "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        ApplicationConfig application = new ApplicationConfig() {
            @Override
            public Optional<String> name() {
                return Optional.of("event-service");
            }

            @Override
            public Optional<String> version() {
                return Optional.empty();
            }

            @Override
            public Optional<String> uiHeader() {
                return Optional.empty();
            }
        };
        return new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application);
    }

    @Test
    void saslAndTlsSettingsFromTheEnvironmentReachTheServicesOwnClients() {
        Map<String, Object> settings = KafkaConnection.settings(defaultKafkaBroker(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kepu-kafka-bootstrap:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", JAAS,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kepu/kafka-ca/ca.crt")));
        assertEquals(Map.of("bootstrap.servers", "kepu-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/kepu/kafka-ca/ca.crt"), settings);
    }

    @Test
    void quarkusTlsRegistryReachesThemWithTheNameItsEngineFactoryNeeds() {
        Map<String, Object> settings = KafkaConnection.settings(defaultKafkaBroker(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_TLS_CONFIGURATION_NAME", "kafka")));
        assertEquals("kafka", settings.get("tls-configuration-name"),
                "Quarkus' SSL engine factory refuses to start without the configuration's name");
        assertEquals("io.quarkus.kafka.client.tls.QuarkusKafkaSslEngineFactory", settings.get("ssl.engine.factory.class"));
    }

    @Test
    void locallyOnlyTheBrokersAddressAndNeitherGroupNorClientTuning() {
        Map<String, Object> all = defaultKafkaBroker(Map.of("KAFKA_AUTO_OFFSET_RESET", "earliest"));
        assertEquals("event-service", all.get("group.id"), "Quarkus gives the map the application's name as group");
        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092"), KafkaConnection.settings(all),
                "no group (a client that assigns itself stays outside it) and no consumer settings for a producer");
    }
}
