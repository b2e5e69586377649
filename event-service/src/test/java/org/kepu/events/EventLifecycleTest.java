package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.kepu.events.Organizers.create;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;
import static org.kepu.events.Organizers.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Organizers drive events through their lifecycle; only the allowed moves succeed, and each is a fact. */
@QuarkusTest
class EventLifecycleTest {

    @Test
    void aPublishedEventCanBeCancelledWithAReasonEveryoneSees() {
        String org = newOrg();
        String id = publish(org, event("台风天的户外科普"));
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "因台风影响，活动取消"))
                .when().post("/api/v1/events/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("因台风影响，活动取消"));
        given().when().get("/api/v1/events/" + id).then().body("status", equalTo("CANCELLED"));
        given().auth().oauth2(token(org)).when().post("/api/v1/events/" + id + "/publish").then().statusCode(409);
    }

    @Test
    void aDraftCannotBeCancelledOnlyDeleted() {
        String org = newOrg();
        String id = create(org, event("草稿"));
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "不办了")).when()
                .post("/api/v1/events/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo("https://kepu.org/problems/illegal-lifecycle-move"));
        given().auth().oauth2(token(org)).header("If-Match", "\"0\"").when().delete("/api/v1/events/" + id).then()
                .statusCode(204);
        given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id).then().statusCode(404);
    }

    @Test
    void publishedEventsCannotBeDeleted() {
        String org = newOrg();
        String id = publish(org, event("已发布"));
        String etag = given().when().get("/api/v1/events/" + id).then().extract().header("ETag");
        given().auth().oauth2(token(org)).header("If-Match", etag).when().delete("/api/v1/events/" + id).then()
                .statusCode(409);
    }

    @Test
    void completionNeedsTheEventToHaveStartedAndAttendanceNeedsCompletion() {
        String org = newOrg();
        Map<String, Object> future = event("明年的活动");
        future.put("startsAt", "2099-05-18T09:00:00+08:00");
        future.put("endsAt", "2099-05-18T17:00:00+08:00");
        String later = publish(org, future);
        given().auth().oauth2(token(org)).when().post("/api/v1/events/" + later + "/complete").then().statusCode(409);

        String past = publish(org, event("已举办的嘉年华"));
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("offline", 1850, "online", 32000))
                .when().put("/api/v1/events/" + past + "/attendance").then().statusCode(409);
        given().auth().oauth2(token(org)).when().post("/api/v1/events/" + past + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("offline", 1850, "online", 32000))
                .when().put("/api/v1/events/" + past + "/attendance").then().statusCode(200)
                .body("attendanceOffline", equalTo(1850)).body("attendanceOnline", equalTo(32000));
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("offline", -1))
                .when().put("/api/v1/events/" + past + "/attendance").then().statusCode(400)
                .body("errors.field", hasItem("offline")).body("errors.field", hasItem("online"));
    }

    @Test
    void updatesNeedAFreshIfMatch() {
        String org = newOrg();
        String id = publish(org, event("原标题"));
        String etag = given().when().get("/api/v1/events/" + id).then().extract().header("ETag");
        Map<String, Object> changed = event("新标题");

        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(changed).when().put("/api/v1/events/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String newTag = given().auth().oauth2(token(org)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(changed).when().put("/api/v1/events/" + id).then().statusCode(200)
                .body("titleZh", equalTo("新标题")).extract().header("ETag");
        assertNotEquals(etag, newTag);
        given().auth().oauth2(token(org)).header("If-Match", etag).contentType(ContentType.JSON).body(event("抢先的修改"))
                .when().put("/api/v1/events/" + id).then().statusCode(412);
        given().when().get("/api/v1/events/" + id).then().body("titleZh", equalTo("新标题"));
    }

    @Test
    void anUnchangedEventAnswers304ToIfNoneMatch() {
        String id = publish(newOrg(), event("缓存"));
        String etag = given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/events/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"999\"").when().get("/api/v1/events/" + id).then().statusCode(200);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        String org = newOrg();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = event("幂等创建");
        String first = given().auth().oauth2(token(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/events").then().statusCode(201).header("ETag", notNullValue())
                .extract().path("id");
        String retry = given().auth().oauth2(token(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/events").then().statusCode(201).extract().path("id");
        assertEquals(first, retry);
        given().auth().oauth2(token(org)).queryParam("organizer", org).when().get("/api/v1/events").then()
                .body("total", equalTo(0)); // drafts are not public; the one draft is checked next
        given().auth().oauth2(token(org)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(event("另一个请求体")).when().post("/api/v1/events").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/idempotency-key-reused"));
        String other = given().auth().oauth2(token(org)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/events").then().statusCode(201)
                .extract().path("id");
        assertNotEquals(first, other);
    }

    @Test
    void everyPublicChangeIsAFactInOrder() {
        String org = newOrg();
        String id = publish(org, event("事实顺序"));
        String etag = given().when().get("/api/v1/events/" + id).then().extract().header("ETag");
        given().auth().oauth2(token(org)).header("If-Match", etag).contentType(ContentType.JSON).body(event("事实顺序（改）"))
                .when().put("/api/v1/events/" + id).then().statusCode(200);
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "场地维修")).when()
                .post("/api/v1/events/" + id + "/cancel").then().statusCode(200);

        List<String> types = factTypesFor(id, 3);
        assertEquals(List.of("kepu.event.published", "kepu.event.updated", "kepu.event.cancelled"), types);
    }

    @Test
    void draftEditsAreNotFacts() {
        String org = newOrg();
        String id = create(org, event("私下修改"));
        given().auth().oauth2(token(org)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(event("私下修改 2")).when().put("/api/v1/events/" + id).then().statusCode(200);
        given().auth().oauth2(token(org)).when().post("/api/v1/events/" + id + "/publish").then().statusCode(200);
        assertEquals(List.of("kepu.event.published"), factTypesFor(id, 1));
    }

    @Test
    void ownersOnlyChangeTheirOwnEvents() {
        String id = publish(newOrg(), event("别人的活动"));
        given().auth().oauth2(token(newOrg())).contentType(ContentType.JSON).body(Map.of("reason", "恶意取消")).when()
                .post("/api/v1/events/" + id + "/cancel").then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/events/" + id).then().body("status", not(equalTo("CANCELLED")));
    }

    /** Reads kepu.events from the start until {@code expected} facts about the event have arrived. */
    static List<String> factTypesFor(String eventId, int expected) {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return FactReader.values(servers, "kepu.events", eventId, expected, Duration.ofSeconds(20)).stream()
                .map(FactReader::typeOf).toList();
    }
}
