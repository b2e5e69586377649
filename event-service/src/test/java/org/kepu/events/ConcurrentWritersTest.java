package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Parallel writers on one event: exactly one wins, and every loser gets the answer its request deserves — 412 for a
 * conditional update whose ETag went stale, 409 for a move that is no longer allowed — never a 500.
 */
@QuarkusTest
class ConcurrentWritersTest {

    static final int WRITERS = 8;

    @Test
    void parallelUpdatesWithTheSameETagLeaveOneWinnerAndStaleLosers() throws Exception {
        String org = Organizers.newOrg();
        String id = Organizers.publish(org, Organizers.event("科技活动周开幕式"));
        String etag = given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().header("ETag");

        Map<Integer, Long> statuses = race(i -> () -> {
            Map<String, Object> body = Organizers.event("科技活动周开幕式 第" + i + "版");
            return given().auth().oauth2(Organizers.token(org)).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(body).when().put("/api/v1/events/" + id).then().extract().statusCode();
        });
        assertEquals(Map.of(200, 1L, 412, (long) WRITERS - 1), statuses);
    }

    @Test
    void parallelCancelsLeaveOneWinnerAndConflicts() throws Exception {
        String org = Organizers.newOrg();
        String id = Organizers.publish(org, Organizers.event("青少年科技创新大赛"));

        oneWinsTheMove(org, id, "cancel", i -> Map.of("reason", "因台风影响，活动取消 " + i));
    }

    @Test
    void parallelPublishesLeaveOneWinnerAndConflicts() throws Exception {
        String org = Organizers.newOrg();
        String id = Organizers.create(org, Organizers.event("科普嘉年华"));

        oneWinsTheMove(org, id, "publish", i -> null);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void ifMatchStarMeansAnyCurrentVersion() {
        String org = Organizers.newOrg();
        String id = Organizers.create(org, Organizers.event("科普讲座"));
        given().auth().oauth2(Organizers.token(org)).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Organizers.event("科普讲座（改期）")).when().put("/api/v1/events/" + id)
                .then().statusCode(200).body("titleZh", equalTo("科普讲座（改期）")).header("ETag", notNullValue());
        given().auth().oauth2(Organizers.token(org)).header("If-Match", "\"0\", \"1\"").contentType(ContentType.JSON)
                .body(Organizers.event("科普讲座（再改）")).when().put("/api/v1/events/" + id)
                .then().statusCode(200);
        given().auth().oauth2(Organizers.token(org)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Organizers.event("科普讲座（过时）")).when().put("/api/v1/events/" + id)
                .then().statusCode(412).contentType("application/problem+json");
    }

    /** Runs the writers at once and counts their answers by status. */
    /**
     * WRITERS organizers make the same move at once, each with its own body (none where it gives null): one wins,
     * every other gets 409.
     */
    private static void oneWinsTheMove(String org, String id, String move, IntFunction<Map<String, Object>> body)
            throws Exception {
        Map<Integer, Long> statuses = race(i -> () -> {
            RequestSpecification request = given().auth().oauth2(Organizers.token(org));
            Map<String, Object> sent = body.apply(i);
            if (sent != null) {
                request = request.contentType(ContentType.JSON).body(sent);
            }
            return request.when().post("/api/v1/events/" + id + "/" + move).then().extract().statusCode();
        });
        assertEquals(Map.of(200, 1L, 409, (long) WRITERS - 1), statuses);
    }

    private static Map<Integer, Long> race(IntFunction<Callable<Integer>> writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Callable<Integer> call = writer.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
