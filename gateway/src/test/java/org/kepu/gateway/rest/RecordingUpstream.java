package org.kepu.gateway.rest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A service that answers every request 200 and writes down the path of each, exactly as it arrived, routed as
 * event-service at {@code /api/v1/events}; what it received is read back at its own {@code /received}, not through
 * the gateway (the test's class loader is not this resource's, so the two cannot share a list in memory), and each
 * path with the {@code traceparent} it came with at {@code /received-traceparents}. The gateway's access lines go to
 * {@link #ACCESS_LOG}.
 */
public class RecordingUpstream implements QuarkusTestResourceLifecycleManager {

    /** The config key naming this upstream's URL, for tests to ask it what it received. */
    static final String URL_KEY = "kepu.gateway.services.events.urls";

    /** Where the gateway under test writes its access lines. */
    static final Path ACCESS_LOG = Path.of("target/recording-upstream-access.log");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> traceparents = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestURI().getRawPath());
                traceparents.add(exchange.getRequestURI().getRawPath() + " "
                        + exchange.getRequestHeaders().getFirst("traceparent"));
                answer(exchange, "application/json", "{}");
            });
            server.createContext("/received", exchange -> answer(exchange, "text/plain", String.join("\n", received)));
            server.createContext("/received-traceparents",
                    exchange -> answer(exchange, "text/plain", String.join("\n", traceparents)));
            Files.deleteIfExists(ACCESS_LOG);
            server.start();
            // Quarkus points REST Assured at its test port, where its own server would listen; here nothing does
            // (quarkus.http.host-enabled=false), so the gateway's listener takes that port.
            String port = Integer.toString(SilentUpstream.freePort());
            return Map.of("kepu.gateway.host", "127.0.0.1", "kepu.gateway.port", port, "quarkus.http.test-port", port,
                    URL_KEY, "http://127.0.0.1:" + server.getAddress().getPort(), "kepu.gateway.access-log.file",
                    ACCESS_LOG.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException("The recording upstream could not start", e);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
