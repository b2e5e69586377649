package org.kepu.gateway.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.kepu.gateway.domain.AnonymousWrite;
import org.kepu.gateway.domain.ClientLabel;
import org.kepu.gateway.domain.CorsPolicy;
import org.kepu.gateway.domain.Instance;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.domain.TrustedProxies;

/**
 * The edge policies the configuration describes, built once at start (a bad CIDR or URL fails the start, not a
 * request). The domain's classes know nothing of the configuration; this is where it becomes them.
 */
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

    @Produces
    @Singleton
    RouteTable produceRoutes(GatewayConfig config) {
        return routes(config);
    }

    @Produces
    @Singleton
    CorsPolicy produceCors(GatewayConfig config) {
        return cors(config);
    }

    /** Every configured service as a route, in the order of their names; blank entries are ignored. */
    public static RouteTable routes(GatewayConfig config) {
        return new RouteTable(config.services().entrySet().stream()
                .map(entry -> new Route(entry.getKey(), entry.getValue().prefixes(),
                        entry.getValue().urls().stream().map(url -> new Instance(URI.create(url),
                                config.failuresBeforeEjection(), config.ejectionTime())).toList(),
                        entry.getValue().anonymousReads().stream().filter(p -> !p.isBlank()).toList(),
                        entry.getValue().anonymousWrites().orElse(List.of()).stream().filter(w -> !w.isBlank())
                                .map(AnonymousWrite::parse)
                                .toList(),
                        entry.getValue().timeout()))
                .sorted(Comparator.comparing(Route::service)).toList());
    }

    /** The configured CORS policy ({@code kepu.gateway.cors.*}). */
    public static CorsPolicy cors(GatewayConfig config) {
        GatewayConfig.Cors cors = config.cors();
        return new CorsPolicy(cors.origins(), cors.methods(), cors.headers(), cors.exposedHeaders(), cors.maxAge());
    }
}
