package org.kepu.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.kepu.gateway.domain.ClientLabel;
import org.kepu.gateway.domain.TrustedProxies;

/** The edge policies the configuration describes, built once at start (a bad CIDR fails the start, not a request). */
public class EdgePolicies {

    @Produces
    @Singleton
    TrustedProxies trustedProxies(GatewayConfig config) {
        return TrustedProxies.of(config.trustedProxies().orElse(List.of()));
    }

    @Produces
    @Singleton
    ClientLabel clientLabel(GatewayConfig config) {
        byte[] key = config.accessLog().hashKey().map(text -> text.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        return new ClientLabel(config.accessLog().client(), key);
    }
}
