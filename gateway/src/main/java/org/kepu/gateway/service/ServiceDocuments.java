package org.kepu.gateway.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fetches a JSON document a service serves about itself (its OpenAPI, its AsyncAPI) from the route's first instance,
 * for the gateway's merged documents; a service that cannot be reached, or answers anything but 200 and JSON, gives
 * none.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);

    private final ObjectMapper objectMapper;
    private final HttpClient http;

    public ServiceDocuments(ObjectMapper objectMapper, GatewayConfig config) {
        this.objectMapper = objectMapper;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** The document at {@code path} (with its query) of the route's service, or null. */
    public JsonNode fetch(Route route, String path) {
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
