package org.kepu.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service told to stop (SIGTERM, as in a rolling restart) finishes the requests it has begun before it exits,
 * database work included, rather than cutting them off. It runs an event-service of its own against the test
 * database: the shared one must keep running for the other tests.
 */
@ExtendWith(KepuSystem.class)
class ServiceShutdownTest {

    private static final int SERVICE_PORT = 18085;

    @Test
    void aStoppingServiceFinishesTheRequestItHasBegun() throws Exception {
        Process service = KepuSystem.startAnother("event-service", "event-service-stopping", Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(SERVICE_PORT),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/kepu_event_test",
                "KEPU_OUTBOX_RELAY_ENABLED", "false"), List.of());
        try {
            assertEquals("HTTP/1.1 201 Created", createEventWhileItStops(service),
                    "the request begun before the service was told to stop");
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service stops once its requests are done");
        } finally {
            service.destroyForcibly();
        }
    }

    /**
     * Sends the head and half the body of a new event, tells the service to stop (SIGTERM), sends the rest once the
     * service is stopping, and returns the answer's status line (null if the connection was cut).
     */
    private static String createEventWhileItStops(Process service) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", SERVICE_PORT)) {
            socket.setSoTimeout(30_000);
            byte[] body = ("{\"titleZh\":\"停机前的最后一场讲座 " + UUID.randomUUID()
                    + "\",\"type\":\"LECTURE\",\"startsAt\":\"2026-12-05T14:00:00+08:00\","
                    + "\"endsAt\":\"2026-12-05T16:00:00+08:00\",\"divisionCode\":\"440106\"}")
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + Gateway.organizer("shutdown-" + UUID.randomUUID()) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500); // the service has begun the request: its head and half its body are in

            service.destroy(); // SIGTERM
            await("new requests are told to close their connection: the service is stopping")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(ServiceShutdownTest::answersWithConnectionClose);

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }

    /**
     * Whether a new request's answer tells its client to close the connection, as a stopping Quarkus service's answers
     * do while it finishes the requests under way (it still answers: a status alone would not tell).
     */
    private static boolean answersWithConnectionClose() {
        try (Socket socket = new Socket("127.0.0.1", SERVICE_PORT)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader head = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line = head.readLine(); line != null && !line.isEmpty(); line = head.readLine()) {
                if (line.equalsIgnoreCase("connection: close")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // gone already: not the answer looked for
        }
    }
}
