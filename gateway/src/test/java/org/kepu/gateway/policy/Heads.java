package org.kepu.gateway.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kepu.gateway.config.GatewayConfig;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Request heads written by hand, and the gateway's configuration as the steps' tests use it. */
final class Heads {

    private Heads() {
    }

    /** An HTTP/1.1 request head from {@code peer} with a Host header; add headers with {@link Head#with}. */
    static Head request(String method, String path) {
        return new Head(method, path, false, true, new HashMap<>(), "198.51.100.7").with("Host", "api.kepu.example");
    }

    /** A request head; header names are matched without regard to case, as HTTP does. */
    record Head(String method, String rawPath, boolean http2, boolean http11, Map<String, List<String>> fields,
            String peerAddress) implements RequestHead {

        Head with(String name, String value) {
            fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(value);
            return this;
        }

        Head from(String peer) {
            return new Head(method, rawPath, http2, http11, fields, peer);
        }

        Head overHttp2() {
            return new Head(method, rawPath, true, false, fields, peerAddress);
        }

        @Override
        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        @Override
        public List<String> headers(String name) {
            return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /**
     * The gateway's configuration: events at {@code /api/v1/events} (public reads), reports at
     * {@code /api/v1/reports} (public only under {@code /api/v1/reports/public}), bodies up to 1,000 bytes, two public reads per client before the
     * limit, one page origin; {@code more} overrides or adds.
     */
    static GatewayConfig config(Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of("kepu.gateway.host", "127.0.0.1", "kepu.gateway.port",
                "0", "kepu.gateway.services.events.prefixes", "/api/v1/events",
                "kepu.gateway.services.events.urls", "http://127.0.0.1:1",
                "kepu.gateway.services.events.anonymous-reads", "/api/v1/events",
                "kepu.gateway.services.reports.prefixes", "/api/v1/reports",
                "kepu.gateway.services.reports.urls", "http://127.0.0.1:2", "kepu.gateway.max-body-bytes", "1000",
                "kepu.gateway.cors.origins", "https://kepu.example"));
        // Only a part of the reports is public, so that their other paths need a token.
        properties.put("kepu.gateway.services.reports.anonymous-reads", "/api/v1/reports/public");
        properties.put("kepu.gateway.rate-limits.public-read.capacity", "2");
        properties.put("kepu.gateway.rate-limits.public-read.per-second", "0.01");
        properties.putAll(more);
        return new SmallRyeConfigBuilder().withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(GatewayConfig.class);
    }

    static GatewayConfig config() {
        return config(Map.of());
    }

    /** A verified token's claims, as the verifier would hand them over. */
    static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public java.util.Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
