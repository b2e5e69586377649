package org.kepu.gateway.domain;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.kepu.gateway.config.GatewayConfig;

/** Every route, built once from configuration; the longest matching prefix wins. */
@Singleton
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(GatewayConfig config) {
        this.routes = config.services().entrySet().stream()
                .map(entry -> new Route(entry.getKey(), entry.getValue().prefixes(),
                        entry.getValue().urls().stream().map(url -> new Instance(URI.create(url),
                                config.failuresBeforeEjection(), config.ejectionTime())).toList(),
                        entry.getValue().anonymousReads().stream().filter(p -> !p.isBlank()).toList(),
                        entry.getValue().anonymousWrites().orElse(List.of()).stream().filter(w -> !w.isBlank())
                                .map(AnonymousWrite::parse)
                                .toList(),
                        entry.getValue().timeout()))
                .sorted(Comparator.comparing(Route::service)).toList();
    }

    public List<Route> all() {
        return routes;
    }

    /** The route owning a request path, if any. A loop, not a stream: it runs for every request. */
    public Optional<Route> routeFor(String path) {
        Route owner = null;
        int longest = -1;
        for (Route route : routes) {
            int length = route.longestPrefixOf(path);
            if (length > longest) {
                owner = route;
                longest = length;
            }
        }
        return Optional.ofNullable(owner);
    }
}
