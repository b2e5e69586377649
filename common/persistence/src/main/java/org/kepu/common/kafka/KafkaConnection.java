package org.kepu.common.kafka;

import java.util.HashMap;
import java.util.Map;

/** The settings every Kafka client of a service shares: where the brokers are and how to reach them securely. */
public final class KafkaConnection {

    /**
     * Quarkus' name of a TLS configuration (its TLS registry, {@code kafka.tls-configuration-name}); Quarkus pairs it
     * with {@code ssl.engine.factory.class}, and that factory refuses to start without it.
     */
    static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";

    private KafkaConnection() {
    }

    /**
     * The connection settings out of Quarkus' {@code default-kafka-broker} map ({@code kafka.*} configuration, which
     * Quarkus also fills from {@code KAFKA_*} environment variables), as a fresh map the caller may add its own
     * client's settings to. Producer or consumer settings in the same namespace are left out: a client given the other
     * kind's settings only logs warnings, and a client that assigns its partitions itself, given the service's group
     * id, would still ask that group for committed offsets (and need its ACL).
     */
    public static Map<String, Object> settings(Map<String, Object> defaultKafkaBroker) {
        Map<String, Object> config = new HashMap<>();
        defaultKafkaBroker.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.startsWith("client.") || key.equals(TLS_CONFIGURATION_NAME)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
