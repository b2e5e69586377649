package org.kepu.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
     * Sends the head and half the body of a new event, tells the service to stop (SIGTERM), sends the rest a second
     * later, and returns the answer's status line (null if the connection was cut).
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
            Thread.sleep(1000); // the service is stopping now

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }
}
