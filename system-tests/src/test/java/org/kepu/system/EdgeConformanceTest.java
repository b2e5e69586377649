package org.kepu.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway at the edge, byte by byte: raw requests on a socket, and what a service behind it received (a recording
 * upstream at {@code /api/v1/echo}). Each case asserts what the client got and what the upstream saw.
 */
@ExtendWith(KepuSystem.class)
class EdgeConformanceTest {

    private static final String ECHO = "/api/v1/echo";

    @BeforeEach
    void forgetEarlierRequests() {
        KepuSystem.echoed.clear();
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndTheServiceGetsThePathThatWasRouted() throws Exception {
        try (Client client = new Client()) {
            assertTrue(client.send("GET " + ECHO + "/a/./b/../c//d?x=1&y=../z HTTP/1.1\r\nHost: kepu\r\n\r\n")
                    .startsWith("HTTP/1.1 200"));
            assertEquals("GET " + ECHO + "/a/c/d?x=1&y=../z HTTP/1.1", received().requestLine());

            String climbed = client.send("GET " + ECHO + "/../../q/metrics HTTP/1.1\r\nHost: kepu\r\n\r\n");
            assertTrue(climbed.startsWith("HTTP/1.1 404") && climbed.contains("application/problem+json"), climbed);
            String encoded = client.send("GET " + ECHO + "/%2e%2e/%2E%2E/q/metrics HTTP/1.1\r\nHost: kepu\r\n\r\n");
            assertTrue(encoded.startsWith("HTTP/1.1 404"), encoded);
        }
        assertNothingElseReachedTheService("nothing else reached the service");
    }

    @Test
    void encodedSlashesBackslashesAndNulInThePathAreRefused() throws Exception {
        for (String path : new String[]{ECHO + "%2F..%2Fevents", ECHO + "/a%5Cb", ECHO + "/a%00"}) {
            try (Client client = new Client()) {
                String answer = client.send("GET " + path + " HTTP/1.1\r\nHost: kepu\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("invalid-path"), answer);
            }
        }
        assertNothingElseReachedTheService("no refused path reached the service");
    }

    @Test
    void headersNamedInConnectionStayBehindBothWays() throws Exception {
        try (Client client = new Client()) {
            String answer = client.send("GET " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nConnection: X-Foo, keep-alive\r\n"
                    + "X-Foo: for-the-gateway-only\r\nX-Bar: end-to-end\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertFalse(answer.toLowerCase().contains("x-upstream-hop"), "the service's hop header stays behind");
            assertTrue(answer.toLowerCase().contains("x-upstream-end: kept"), answer);
        }
        FakeUpstreams.Received seen = received();
        assertTrue(seen.header("X-Foo").isEmpty(), seen.headers().toString());
        assertEquals("end-to-end", seen.header("X-Bar").get(0));
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws Exception {
        try (Client client = new Client()) {
            client.write("POST " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue", client.head().lines().findFirst().orElseThrow());
            assertTrue(client.send("hello").startsWith("HTTP/1.1 200"));
        }
        FakeUpstreams.Received seen = received();
        assertEquals("hello", seen.body());
        assertTrue(seen.header("Expect").isEmpty(), "the gateway answered the expectation; the service must not");
    }

    @Test
    void aBodyTooLargeIsRefusedWithoutBeingReadAndTheConnectionCloses() throws Exception {
        try (Client client = new Client()) {
            client.write("POST " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n");
            String answer = client.rest();
            assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("payload-too-large"), answer);
            assertFalse(answer.contains("100 Continue"), answer);
        }
        assertNothingElseReachedTheService("nothing else reached the service");
    }

    @Test
    void anExpectationOtherThanContinueIs417() throws Exception {
        try (Client client = new Client()) {
            String answer = client.send("GET " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nExpect: something-else\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 417"), answer);
        }
    }

    @Test
    void aForwardedForFromAnUntrustedClientIsReplacedByItsAddress() throws Exception {
        try (Client client = new Client()) {
            client.send("GET " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nX-Forwarded-For: 203.0.113.7\r\n\r\n");
        }
        assertEquals("127.0.0.1", received().header("X-Forwarded-For").get(0));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndEachReachesTheServiceOnce() throws Exception {
        try (Client client = new Client()) {
            client.write("GET " + ECHO + "/1 HTTP/1.1\r\nHost: kepu\r\n\r\nGET " + ECHO + "/2 HTTP/1.1\r\nHost: kepu\r\n\r\n");
            assertTrue(client.response().startsWith("HTTP/1.1 200"));
            assertTrue(client.response().startsWith("HTTP/1.1 200"));
        }
        assertEquals("GET " + ECHO + "/1 HTTP/1.1", received().requestLine());
        assertEquals("GET " + ECHO + "/2 HTTP/1.1", received().requestLine());
    }

    @Test
    void twoDifferentContentLengthsAreRefusedAndNeverForwarded() throws Exception {
        try (Client client = new Client()) {
            client.write("POST " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde");
            String answer = client.rest();
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
        assertNothingElseReachedTheService("nothing else reached the service");
    }

    @Test
    void contentLengthWithChunkedIsReadAsChunkedAndForwardedWithOneFraming() throws Exception {
        try (Client client = new Client()) {
            String answer = client.send("POST " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nContent-Length: 3\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            if (answer.startsWith("HTTP/1.1 400")) {
                return; // refusing is as good (RFC 9112 §6.3)
            }
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        FakeUpstreams.Received seen = received();
        assertEquals("hello", seen.body());
        assertTrue(seen.header("Content-Length").isEmpty() || seen.header("Transfer-Encoding").isEmpty(),
                "never two framings: " + seen.headers());
    }

    @Test
    void aTransferCodingOtherThanChunkedIsRefused() throws Exception {
        for (String coding : new String[]{"gzip", "chunked, gzip", "xchunked"}) {
            try (Client client = new Client()) {
                client.write("POST " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nTransfer-Encoding: " + coding
                        + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
                String answer = client.rest();
                assertTrue(answer.startsWith("HTTP/1.1 400"), coding + ": " + answer);
            }
        }
        assertNothingElseReachedTheService("no such body reached the service");
    }

    @Test
    void aFoldedHeaderNeverReachesTheServiceFolded() throws Exception {
        try (Client client = new Client()) {
            client.write("GET " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nX-Folded: first\r\n second\r\n\r\n");
            String answer = client.response();
            if (answer.startsWith("HTTP/1.1 400")) {
                return; // RFC 9112 §5.2: reject, or replace each fold with a space
            }
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        FakeUpstreams.Received seen = received();
        assertEquals(1, seen.header("X-Folded").size(), seen.headers().toString());
        assertTrue(seen.header("X-Folded").get(0).matches("first +second"), seen.headers().toString());
    }

    @Test
    void bareLineFeedsAreReadAsLineEndsAndTheServiceGetsCrlf() throws Exception {
        try (Client client = new Client()) {
            String answer = client.send("GET " + ECHO + "/lf HTTP/1.1\nHost: kepu\nX-Lf: yes\n\n");
            // RFC 9112 §2.2: a recipient MAY take a bare LF as a line end; refusing it is strict, and safe
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] (200|400) .*"), answer);
            if (!answer.startsWith("HTTP/1.1 200")) {
                assertNothingElseReachedTheService("nothing else reached the service");
                return;
            }
        }
        FakeUpstreams.Received seen = received();
        assertEquals("GET " + ECHO + "/lf HTTP/1.1", seen.requestLine());
        assertEquals("yes", seen.header("X-Lf").get(0));
    }

    @Test
    void anAbsoluteFormTargetIsForwardedInOriginForm() throws Exception {
        try (Client client = new Client()) {
            String answer = client.send("GET http://kepu.example" + ECHO + "/abs?q=1 HTTP/1.1\r\nHost: kepu.example\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals("GET " + ECHO + "/abs?q=1 HTTP/1.1", received().requestLine());
    }

    @Test
    void http10WithoutHostIsServedAndHttp11WithoutHostIsRefused() throws Exception {
        try (Client client = new Client()) {
            client.write("GET " + ECHO + "/old HTTP/1.0\r\n\r\n");
            String answer = client.rest(); // HTTP/1.0 without keep-alive: the gateway closes after the answer
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 200 .*"), answer); // RFC 9110 §2.5: 1.1 may answer 1.0
        }
        FakeUpstreams.Received seen = received();
        assertEquals("GET " + ECHO + "/old HTTP/1.1", seen.requestLine());
        assertEquals(1, seen.header("Host").size());
        try (Client client = new Client()) {
            String answer = client.send("GET " + ECHO + "/new HTTP/1.1\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
        assertNothingElseReachedTheService("nothing else reached the service");
    }

    @Test
    void anH2cUpgradeNeverReachesTheServiceAsHeaders() throws Exception {
        try (Client client = new Client()) {
            client.write("GET " + ECHO + "/h2c HTTP/1.1\r\nHost: kepu\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
            String head = client.head();
            assertTrue(head.startsWith("HTTP/1.1 101") || head.startsWith("HTTP/1.1 200"), head);
        }
        FakeUpstreams.Received seen = received();
        assertTrue(seen.requestLine().startsWith("GET " + ECHO + "/h2c "), seen.requestLine());
        assertTrue(seen.header("Upgrade").isEmpty() && seen.header("HTTP2-Settings").isEmpty(),
                seen.headers().toString());
    }

    @Test
    void theAccessLineWritesAKeyedHashOfTheSubjectNotTheSubject() throws Exception {
        String requestId = "edge-" + UUID.randomUUID();
        try (Client client = new Client()) {
            client.send("GET " + ECHO + " HTTP/1.1\r\nHost: kepu\r\nX-Request-Id: " + requestId + "\r\nAuthorization: Bearer "
                    + Gateway.organizer("13800138000") + "\r\n\r\n");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> KepuSystem.serviceLog("gateway").contains(requestId));
        String line = KepuSystem.serviceLog("gateway").lines().filter(l -> l.contains(requestId)).findFirst()
                .orElseThrow();
        assertTrue(line.matches(".*client=h:[0-9a-f]{16} from=127\\.0\\.0\\.1.*"), line);
        assertFalse(line.contains("13800138000"), line);
    }

    /**
     * Sends a marker request through the gateway and requires it to be the next thing the service receives: whatever
     * was refused before it, had it been forwarded, would have reached the service first (the gateway answers a
     * forwarded request only after the service has it), so no time is waited on in the hope that nothing comes.
     */
    private static void assertNothingElseReachedTheService(String what) throws Exception {
        String marker = ECHO + "/marker-" + UUID.randomUUID();
        try (Client client = new Client()) {
            assertTrue(client.send("GET " + marker + " HTTP/1.1\r\nHost: kepu\r\n\r\n").startsWith("HTTP/1.1 200"));
        }
        assertEquals("GET " + marker + " HTTP/1.1", received().requestLine(), what);
    }

    private static FakeUpstreams.Received received() throws InterruptedException {
        FakeUpstreams.Received seen = KepuSystem.echoed.poll(5, TimeUnit.SECONDS);
        assertTrue(seen != null, "the service received the request");
        return seen;
    }

    /** One connection to the gateway, written and read as raw bytes. */
    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        Client() throws IOException {
            socket = new Socket("127.0.0.1", KepuSystem.GATEWAY_PORT);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
        }

        void write(String raw) throws IOException {
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        /** Writes, then reads one whole response. */
        String send(String raw) throws IOException {
            write(raw);
            return response();
        }

        /** One response head, up to its blank line. */
        String head() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                head.write(c);
                matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : (c == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        /** One response with its body (by Content-Length; the gateway's problems and the echo have one). */
        String response() throws IOException {
            String head = head();
            int length = head.lines().filter(l -> l.regionMatches(true, 0, "content-length:", 0, 15))
                    .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
            return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        /** Everything until the gateway closes the connection. */
        String rest() throws IOException {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the gateway kept the connection open", e);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
