package org.kepu.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway starts or continues each request's W3C trace, forwards its own span's context to the service, and names
 * the trace in its access line next to the request id.
 */
@QuarkusTest
@WithTestResource(RecordingUpstream.class)
class TraceContextTest {

    private static final String TRACEPARENT = "00-([0-9a-f]{32})-([0-9a-f]{16})-01";

    /** Sends a request through the gateway and returns the traceparent the service received with it. */
    private static String forwardedTraceparent(String requestId, String traceparent) {
        String path = "/api/v1/events/" + UUID.randomUUID();
        var request = given().baseUri("http://127.0.0.1").header("X-Request-Id", requestId);
        if (traceparent != null) {
            request.header("traceparent", traceparent).header("tracestate", "vendor=1");
        }
        request.get(path).then().statusCode(200);
        URI upstream = URI.create(ConfigProvider.getConfig().getValue(RecordingUpstream.URL_KEY, String.class));
        String received = given().baseUri("http://" + upstream.getHost()).port(upstream.getPort())
                .get("/received-traceparents").then().statusCode(200).extract().asString();
        return received.lines().filter(line -> line.startsWith(path + " ")).findFirst()
                .map(line -> line.substring(path.length() + 1)).orElseThrow();
    }

    /** The trace id the gateway's access line names for the request, once the line is written. */
    private static String accessLineTrace(String requestId) {
        return await("the access line of " + requestId).atMost(Duration.ofSeconds(5)).until(() -> {
            if (!Files.exists(RecordingUpstream.ACCESS_LOG)) {
                return Optional.<String>empty();
            }
            return Files.readAllLines(RecordingUpstream.ACCESS_LOG).stream()
                    .filter(line -> line.contains(" request=" + requestId + " "))
                    .map(line -> line.replaceAll(".* trace=([0-9a-f]{32}) .*", "$1")).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    @Test
    void aRequestWithoutATraceStartsOneThatTheServiceAndTheAccessLineShare() {
        String requestId = UUID.randomUUID().toString();
        String forwarded = forwardedTraceparent(requestId, null);
        assertTrue(forwarded.matches(TRACEPARENT), forwarded);
        assertEquals(forwarded.replaceAll(TRACEPARENT, "$1"), accessLineTrace(requestId));
    }

    @Test
    void aCallersTraceIsContinuedUnderTheGatewaysOwnSpan() {
        String requestId = UUID.randomUUID().toString();
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String forwarded = forwardedTraceparent(requestId, "00-" + callerTrace + "-" + callerSpan + "-01");
        assertTrue(forwarded.matches(TRACEPARENT), forwarded);
        assertEquals(callerTrace, forwarded.replaceAll(TRACEPARENT, "$1"), "the same trace");
        assertNotEquals(callerSpan, forwarded.replaceAll(TRACEPARENT, "$2"), "the gateway's span is the parent");
        assertEquals(callerTrace, accessLineTrace(requestId));
    }

    @Test
    void aMalformedTraceparentIsReplacedByANewTrace() {
        String requestId = UUID.randomUUID().toString();
        String forwarded = forwardedTraceparent(requestId, "00-not-a-trace-01");
        assertTrue(forwarded.matches(TRACEPARENT), forwarded);
        assertEquals(forwarded.replaceAll(TRACEPARENT, "$1"), accessLineTrace(requestId));
    }
}
