package org.kepu.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway told to stop (SIGTERM, as in a rolling restart) finishes the answers under way before it closes its port,
 * and meanwhile reports itself not ready so that the load balancer sends new requests elsewhere. It runs a gateway of
 * its own: the shared one must keep running for the other tests.
 */
@ExtendWith(KepuSystem.class)
class GatewayShutdownTest {

    private static final int GATEWAY_PORT = 18078;
    /** A service that takes a second and a half for every answer: long enough to stop the gateway mid-request. */
    private static final int LINGERING_PORT = 18095;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aStoppingGatewayFinishesTheAnswersUnderWayAndReportsNotReady() throws Exception {
        AtomicInteger serviceConnections = FakeUpstreams.slow(LINGERING_PORT, 1500);
        Process gateway = KepuSystem.startAnother("gateway", "gateway-stopping", Map.of("QUARKUS_HTTP_PORT",
                String.valueOf(GATEWAY_PORT), "KEPU_EVENT_URL", "http://127.0.0.1:18081"),
                List.of(
                        "-Dkepu.gateway.services.lingering.prefixes=/api/v1/lingering",
                        "-Dkepu.gateway.services.lingering.urls=http://127.0.0.1:" + LINGERING_PORT,
                        "-Dkepu.gateway.services.lingering.anonymous-reads=/api/v1/lingering"));
        try {
            CompletableFuture<HttpResponse<String>> underWay = http.sendAsync(
                    request("/api/v1/lingering/anything"), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10)).until(() -> serviceConnections.get() > 0);

            gateway.destroy(); // SIGTERM

            await().atMost(Duration.ofSeconds(5)).until(() -> readinessStatus() == 503);
            HttpResponse<String> answer = underWay.get(15, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), "the answer under way when the gateway was told to stop");
            assertEquals("ok", answer.body());
            assertEquals("close", answer.headers().firstValue("Connection").orElse(null),
                    "the client is told to take its next request elsewhere");
            assertTrue(gateway.waitFor(15, TimeUnit.SECONDS), "the gateway stops once the answer is out");
        } finally {
            gateway.destroyForcibly();
        }
    }

    private int readinessStatus() {
        try {
            return http.send(request("/q/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1; // gone already: not the answer looked for
        }
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + GATEWAY_PORT + path))
                .timeout(Duration.ofSeconds(15)).build();
    }
}
