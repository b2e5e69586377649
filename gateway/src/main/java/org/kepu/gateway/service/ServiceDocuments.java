package org.kepu.gateway.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documents each service serves about itself (its OpenAPI, its AsyncAPI), fetched from every route's first
 * instance and merged into one, which is reused for {@code kepu.gateway.openapi-cache-ttl}. A service that cannot be
 * reached, or answers anything but 200 and JSON, gives none, and the merge names it as missing.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);

    private record Merged(ObjectNode document, long madeAt) {
    }

    private final RouteTable routes;
    private final ObjectMapper objectMapper;
    private final GatewayConfig config;
    private final HttpClient http;
    private final Map<String, Merged> merged = new ConcurrentHashMap<>();

    public ServiceDocuments(RouteTable routes, ObjectMapper objectMapper, GatewayConfig config) {
        this.routes = routes;
        this.objectMapper = objectMapper;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /**
     * The services' documents at {@code path} (with its query) merged by {@code merge}, which gets each route with
     * its document (null for a service that gave none), in the routes' order.
     */
    public ObjectNode merged(String path, Function<Map<Route, JsonNode>, ObjectNode> merge) {
        Merged current = merged.get(path);
        if (current != null && System.nanoTime() - current.madeAt() < config.openapiCacheTtl().toNanos()) {
            return current.document();
        }
        Map<Route, JsonNode> byRoute = new LinkedHashMap<>();
        for (Route route : routes.all()) {
            byRoute.put(route, fetch(route, path));
        }
        current = new Merged(merge.apply(byRoute), System.nanoTime());
        merged.put(path, current);
        return current.document();
    }

    private JsonNode fetch(Route route, String path) {
        URI instance = route.instances().get(0).uri();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(instance.resolve(path))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("%s of %s answered %d", path, route.service(), response.statusCode());
                return null;
            }
            return objectMapper.readTree(response.body());
        } catch (IOException e) {
            LOG.warnf("%s of %s could not be fetched: %s", path, route.service(), e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
