package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The gateway's table stakes, against the real gateway with real services (and two broken ones) behind it. */
@ExtendWith(KepuSystem.class)
class GatewayTest {

    @Test
    void aStoppedServiceIsA503QuicklyAndTheCircuitOpens() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/stopped/anything").then().statusCode(503)
                    .contentType("application/problem+json").time(lessThan(3000L));
        }
        // Three failures in a row: the gateway stops trying and says when to come back.
        given().when().get("/api/v1/stopped/anything").then().statusCode(503).header("Retry-After", notNullValue())
                .time(lessThan(500L));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/v1/events").then().statusCode(200);
    }

    /**
     * Each connection to this service answers once and is dropped at the next request: a request the gateway sends on
     * a reused connection finds it closed, and goes again on a new one rather than failing with 502.
     */
    @Test
    void aKeepAliveConnectionTheServiceDroppedIsRetriedOnANewOne() {
        for (int i = 0; i < 8; i++) {
            given().when().get("/api/v1/one-answer/anything").then().statusCode(200).body(equalTo("ok"));
        }
    }

    /**
     * Twenty requests at once to a service that takes 300 ms for each: all are answered, yet the service sees no more
     * connections than the gateway's per-loop limit allows; the rest waited for a connection to come free.
     */
    @Test
    void concurrentRequestsWaitForABoundedSetOfConnections() throws Exception {
        // Other tests reach the same port (the "slow" route, the merged OpenAPI's fetch): count only this burst's.
        int before = KepuSystem.slowConnections.get();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(clients.submit(() -> given().when().get("/api/v1/crowded/anything").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            clients.shutdownNow();
        }
        int limit = KepuSystem.UPSTREAM_CONNECTIONS_PER_LOOP * Runtime.getRuntime().availableProcessors();
        int opened = KepuSystem.slowConnections.get() - before;
        assertTrue(opened <= limit, opened + " connections to the service, more than the " + limit + " allowed");
    }

    @Test
    void aHangingServiceIsA504AfterItsTimeout() {
        given().when().get("/api/v1/hanging/anything").then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/upstream-timeout")).time(lessThan(5000L));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /** The route would wait 30 s for this service; the 3 s limit on the whole request answers first. */
    @Test
    void aSlowServiceIsCutOffAtTheRequestTimeLimit() {
        long started = System.nanoTime();
        given().when().get("/api/v1/slow/anything").then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/request-time-limit"));
        assertTookAboutTheLimit(started);
    }

    /** A client that trickles its body holds a connection and an upstream call; the limit ends both with 408. */
    @Test
    void aClientThatTricklesItsBodyIsCutOffAtTheRequestTimeLimit() throws Exception {
        long started = System.nanoTime();
        String requestId = "trickle-" + UUID.randomUUID();
        try (Socket socket = new Socket("127.0.0.1", KepuSystem.GATEWAY_PORT)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: " + requestId
                    + "\r\nAuthorization: Bearer " + Gateway.admin()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        Thread.sleep(300);
                        out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (Exception e) {
                    // the gateway closed the connection: expected
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 408 Request Timeout", statusLine);
        }
        assertTookAboutTheLimit(started);
        // The service logs its access line once it is done with the request, answered or cut off.
        await("the service's access line for the cut request").atMost(Duration.ofSeconds(10))
                .until(() -> KepuSystem.serviceLog("event-service").lines()
                        .anyMatch(
                                line -> line.contains("access POST /api/v1/events ") && line.contains("request=" + requestId)));
        assertFalse(
                KepuSystem.serviceLog("event-service").lines()
                        .anyMatch(line -> line.contains(requestId) && line.contains("ERROR")),
                "a client giving up is not an error of the service");
    }

    /** As nginx logs it: 499 when the client closed the connection before the answer began. */
    @Test
    void aClientThatGoesAwayBeforeTheAnswerIsLoggedAs499() throws Exception {
        String requestId = "gone-" + UUID.randomUUID();
        try (Socket socket = new Socket("127.0.0.1", KepuSystem.GATEWAY_PORT)) {
            socket.getOutputStream().write(("GET /api/v1/slow/answer HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: "
                    + requestId + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }
        await("an access line with status 499").atMost(Duration.ofSeconds(5))
                .until(() -> KepuSystem.serviceLog("gateway").lines()
                        .anyMatch(
                                line -> line.contains("request=" + requestId) && line.contains("GET /api/v1/slow/answer 499")));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static void assertTookAboutTheLimit(long startedNanos) {
        long tookMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        assertTrue(tookMillis >= 2_500 && tookMillis < 8_000, "cut off at the 3 s limit, took " + tookMillis + " ms");
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void clientsOverTheirRateGet429WithRetryAfter() {
        String token = Gateway.TOKENS.token("busy-" + UUID.randomUUID()).role("analyst").sign();
        Response last = null;
        boolean limited = false;
        for (int i = 0; i < 60 && !limited; i++) {
            last = given().auth().oauth2(token).when().get("/api/v1/venues?size=1");
            limited = last.statusCode() == 429;
        }
        assertTrue(limited, "a burst of 60 exceeds the test gateway's capacity of 30");
        last.then().contentType("application/problem+json").header("Retry-After", notNullValue())
                .header("RateLimit-Limit", equalTo("30")).header("RateLimit-Remaining", equalTo("0"));
        // Another client is unaffected.
        given().auth().oauth2(Gateway.TOKENS.token("calm-" + UUID.randomUUID()).role("analyst").sign()).when()
                .get("/api/v1/venues?size=1").then().statusCode(200).header("RateLimit-Remaining", notNullValue());
    }

    @Test
    void corsPreflightsAreAnsweredForConfiguredOrigins() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type").when()
                .options("/api/v1/events").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", "3600");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").when()
                .options("/api/v1/events").then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    /** A page may read an answer (errors included) only when it comes from an allowed origin. */
    @Test
    void answersAreMarkedReadableForAllowedOriginsOnly() {
        given().header("Origin", "http://localhost:3000").when().get("/api/v1/event-types").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        given().header("Origin", "http://localhost:3000").when().get("/api/v1/education-bases").then()
                .statusCode(401).header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example").when().get("/api/v1/event-types").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void oversizedBodiesAndHeadersAreRefusedAtTheDoor() {
        String big = "x".repeat(1_100_000);
        given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON).body("{\"titleZh\":\"" + big + "\"}")
                .when().post("/api/v1/events").then().statusCode(413).contentType("application/problem+json");
        given().header("X-Huge", "y".repeat(20_000)).when().get("/api/v1/events").then().statusCode(431)
                .contentType("application/problem+json").header("X-Request-Id", notNullValue())
                .body("detail", containsString("16384 bytes"));
        given().when().get("/api/v1/events?q=" + "z".repeat(5_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count")
                && line.contains("uri=\"INVALID_REQUEST\"") && line.contains("status=\"431\"")),
                "requests refused at the door are counted too");
    }

    /** A head that is not HTTP at all gets a problem too, and the connection closes, as the next request cannot be found. */
    @Test
    void aHeadThatIsNotHttpGetsAProblemAndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", KepuSystem.GATEWAY_PORT)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("NOT-HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Read to the end: this returns only because the gateway closes the connection.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.matches("(?s)HTTP/1\\.[01] 400 .*"), answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("\"status\":400"), answer);
        }
    }

    /** A body sent in chunks declares no length; it is counted on the way and stopped at the same limit. */
    @Test
    void oversizedChunkedBodiesAreStoppedOnTheWay() {
        byte[] big = ("{\"titleZh\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON).body(new ByteArrayInputStream(big))
                .when().post("/api/v1/events").then().statusCode(413).contentType("application/problem+json");
        byte[] small = "{\"titleZh\":\"\"}".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON).body(new ByteArrayInputStream(small))
                .when().post("/api/v1/events").then().statusCode(400).body("errors.field", hasItem("titleZh"));
    }

    @Test
    void anonymousCallersOnlyReadPublicPrefixes() {
        given().when().get("/api/v1/education-bases").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/event-types").then().statusCode(200).body("total", notNullValue());
    }

    /** A metric series per event id would grow the gateway's memory and the monitoring bill without bound. */
    @Test
    void metricsNameTheRouteNotTheIdsInPaths() {
        String first = Gateway.publishEvent("org-metrics", "440106");
        String second = Gateway.publishEvent("org-metrics", "440106");
        given().when().get("/api/v1/events/" + first).then().statusCode(200);
        given().when().get("/api/v1/events/" + second).then().statusCode(200);
        given().when().request("BREW", "/api/v1/events").then().statusCode(401);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/events/*\""), "requests below a prefix are counted under it");
        assertFalse(metrics.contains(first) || metrics.contains(second), "no series names an event id");
        assertFalse(metrics.contains("method=\"BREW\""), "no series names a made-up method");
        assertTrue(metrics.contains("method=\"UNKNOWN\""), "made-up methods are counted together");
    }

    /** Operators see how many API requests are under way: one waiting on a hanging service counts until answered. */
    @Test
    void requestsUnderWayAreCountedUntilAnswered() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> waiting = client.submit(() -> given().when().get("/api/v1/slow/anything").statusCode());
            await().atMost(Duration.ofSeconds(2)).until(() -> requestsInFlight() >= 1);
            assertEquals(504, waiting.get()); // the request time limit
            await().atMost(Duration.ofSeconds(2)).until(() -> requestsInFlight() == 0);
        } finally {
            client.shutdownNow();
        }
    }

    private static double requestsInFlight() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("kepu_gateway_requests_in_flight"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("/q/metrics has no kepu_gateway_requests_in_flight"));
    }

    @Test
    void bothSidesLogTheRequestIdButNeverTokens() throws Exception {
        String requestId = "log-" + UUID.randomUUID();
        String token = Gateway.admin();
        given().auth().oauth2(token).header("X-Request-Id", requestId).when().get("/api/v1/venues").then()
                .statusCode(200);
        // Both access logs are written in batches behind the response: wait for the lines rather than guess a delay.
        await("one gateway access line with method, path, status, request id and client").atMost(Duration.ofSeconds(5))
                .until(() -> KepuSystem.serviceLog("gateway").lines().anyMatch(line -> line.contains(requestId)
                        && line.contains("GET /api/v1/venues 200") && line.matches(".*client=h:[0-9a-f]{16}.*")));
        await("the service logs the same request id").atMost(Duration.ofSeconds(5))
                .until(() -> KepuSystem.serviceLog("venue-service").lines().anyMatch(
                        line -> line.contains("access GET /api/v1/venues 200") && line.contains("request=" + requestId)));
        assertFalse(KepuSystem.serviceLog("gateway").contains(token), "tokens never reach the log");
        assertFalse(KepuSystem.serviceLog("venue-service").contains(token), "tokens never reach the service's log either");
    }

    @Test
    void bodiesAndQueriesPassThroughUnchanged() {
        String title = "透传测试 " + UUID.randomUUID() + " ；，。“引号”";
        String id = given().auth().oauth2(Gateway.organizer("org-pass")).contentType(ContentType.JSON)
                .body(Map.of("titleZh", title, "type", "LECTURE", "startsAt", "2024-07-01T09:00:00+08:00", "endsAt",
                        "2024-07-01T11:00:00+08:00", "divisionCode", "440106"))
                .when().post("/api/v1/events").then().statusCode(201).header("Location", notNullValue())
                .extract().path("id");
        given().auth().oauth2(Gateway.organizer("org-pass")).when().get("/api/v1/events/" + id).then()
                .statusCode(200).body("titleZh", equalTo(title));
    }

    /** Answers too large to hold (a calendar feed of long descriptions) stream through byte for byte. */
    @Test
    void largeAnswersStreamThroughUnchanged() {
        String org = "org-large-" + UUID.randomUUID();
        String token = Gateway.organizer(org);
        String description = "科学普及是实现创新发展的重要基础性工作。".repeat(200); // 4,000 characters, 12 KB
        for (int i = 0; i < 8; i++) {
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("titleZh", "长描述活动 " + i, "descriptionZh", description, "type", "LECTURE", "startsAt",
                            "2024-07-0" + (i + 1) + "T09:00:00+08:00", "endsAt", "2024-07-0" + (i + 1) + "T11:00:00+08:00",
                            "divisionCode", "440106"))
                    .when().post("/api/v1/events").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).when().post("/api/v1/events/" + id + "/publish").then().statusCode(200);
        }
        byte[] direct = given().baseUri(AuthorizationMatrixTest.EVENTS_DIRECT).queryParam("organizer", org).when()
                .get("/api/v1/events/calendar.ics").then().statusCode(200).extract().asByteArray();
        byte[] proxied = given().queryParam("organizer", org).when().get("/api/v1/events/calendar.ics").then()
                .statusCode(200).extract().asByteArray();
        assertTrue(direct.length > 64 * 1024, "larger than the gateway's response buffer: " + direct.length);
        assertTrue(Arrays.equals(direct, proxied), "the gateway's copy differs from the service's answer");
    }
}
