package org.kepu.gateway.domain;

import java.util.List;
import java.util.Optional;

/** Every route (built once from configuration, config.EdgePolicies); the longest matching prefix wins. */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
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
