package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * One trace from the gateway's access line, through the service that handles the request and writes a fact, across
 * Kafka (inside the fact's CloudEvent), into the line the consumer writes while applying the fact: an operator holding
 * one id from any of these logs finds the others.
 */
@ExtendWith(KepuSystem.class)
class TraceAcrossKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aPublishedEventsTraceRunsFromTheGatewayThroughEventServiceIntoReportingsConsumer() {
        String token = Gateway.organizer("org-" + UUID.randomUUID());
        String eventId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("titleZh", "科普讲座：追踪一次发布 " + UUID.randomUUID(), "type", "LECTURE", "startsAt",
                        "2024-09-15T09:00:00+08:00", "endsAt", "2024-09-15T11:00:00+08:00", "divisionCode", "440106"))
                .when().post("/api/v1/events").then().statusCode(201).extract().path("id");
        String requestId = UUID.randomUUID().toString();

        given().auth().oauth2(token).header("X-Request-Id", requestId).when()
                .post("/api/v1/events/" + eventId + "/publish").then().statusCode(200);

        // The gateway began the trace: its access line names it next to the request id.
        String trace = awaitLine("gateway", "the gateway's access line of the publish request",
                Pattern.compile("access POST /api/v1/events/" + eventId + "/publish 200 .*request=" + requestId
                        + " trace=([0-9a-f]{32}) "));
        // event-service handled the request in the same trace, and wrote the fact in it. (Its access line names the
        // request id in the message: the log context's is gone by the time the line is written.)
        awaitLine("event-service", "event-service's access line of the publish request in that trace",
                Pattern.compile("trace=" + trace + " span=[0-9a-f]{16}] access POST /api/v1/events/" + eventId
                        + "/publish 200 .*request=" + requestId));
        // reporting-service applied the fact in the same trace: the line it wrote while applying it says so.
        String applied = awaitLine("reporting-service", "reporting-service applying the published fact in that trace",
                Pattern.compile(
                        "\\[ trace=" + trace + " span=([0-9a-f]{16})] Applying kepu\\.event\\.published \\S+ \\(subject "
                                + eventId + "\\) to reporting\\.event-summary"));
        assertTrue(applied.matches("[0-9a-f]{16}"), applied);
    }

    /** Waits for a line of {@code service}'s log matching {@code line}; answers the pattern's first group. */
    private static String awaitLine(String service, String what, Pattern line) {
        return await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Matcher found = line.matcher(KepuSystem.serviceLog(service));
            return found.find() ? Optional.of(found.group(found.groupCount() > 0 ? 1 : 0)) : Optional.<String>empty();
        }, Optional::isPresent).orElseThrow();
    }
}
