package org.kepu.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code kepu.gateway.request-time-limit} bounds a whole request, whatever the route's timeout: a service still
 * answering when it strikes gets its client a 504, a client still sending its body a 408, both as problems.
 */
@QuarkusTest
@WithTestResource(SilentUpstream.class)
class RequestTimeLimitTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    /** The gateway's own listener, on the free port {@link SilentUpstream} chose. */
    private static int port() {
        return ConfigProvider.getConfig().getValue("kepu.gateway.port", Integer.class);
    }

    /** Plain HTTP: the gateway's listener is not Quarkus' server, which REST Assured is set up for here. */
    @Test
    void aServiceStillAnsweringAtTheLimitIsA504() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/v1/silent/anything")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTookAboutTheLimit(started);
        assertEquals(504, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("https://kepu.org/problems/request-time-limit",
                new ObjectMapper().readTree(answer.body()).path("type").asText());
    }

    @Test
    void aClientStillSendingItsBodyAtTheLimitIsA408() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/silent/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 30; i++) {
                        Thread.sleep(200);
                        out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (Exception e) {
                    // the gateway closed the connection: expected
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            String statusLine = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 408 Request Timeout", statusLine);
        }
        assertTookAboutTheLimit(started);
    }

    private static void assertTookAboutTheLimit(long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(LIMIT) >= 0 && took.compareTo(LIMIT.multipliedBy(3)) < 0,
                "took " + took.toMillis() + " ms against a limit of " + LIMIT.toMillis() + " ms");
    }
}
