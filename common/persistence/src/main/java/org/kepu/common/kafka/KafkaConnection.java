package org.kepu.common.kafka;

import java.util.HashMap;
import java.util.Map;

/** The settings every Kafka client of a service shares: where the brokers are and how to reach them securely. */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /**
     * The connection settings out of Quarkus' {@code default-kafka-broker} map ({@code kafka.*} configuration), as a
     * fresh map the caller may add its own client's settings to. Producer or consumer settings in the same namespace
     * are left out: a client given the other kind's settings only logs warnings.
     */
    public static Map<String, Object> settings(Map<String, Object> defaultKafkaBroker) {
        Map<String, Object> config = new HashMap<>();
        defaultKafkaBroker.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.startsWith("client.")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
