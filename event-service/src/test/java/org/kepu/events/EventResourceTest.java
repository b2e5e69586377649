package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.common.security.DevTokenMinter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventResourceTest {

    static final DevTokenMinter TOKENS = DevTokenMinter.fromEnvironment();

    static String organizer(String org) {
        return TOKENS.token("organizer-" + org).role("organizer").organization(org).sign();
    }

    static Map<String, Object> carnival(String title) {
        return Map.of("titleZh", title, "type", "CARNIVAL", "startsAt", "2024-05-18T09:00:00+08:00", "endsAt",
                "2024-05-19T17:00:00+08:00", "divisionCode", "440113", "address", "广州市番禺区西环路168号 广东科学中心",
                "latitude", 23.0418, "longitude", 113.3691, "capacity", 500);
    }

    static String createDraft(String org, String title) {
        return given().auth().oauth2(organizer(org)).contentType(ContentType.JSON).body(carnival(title))
                .when().post("/api/v1/events")
                .then().statusCode(201).header("ETag", notNullValue()).header("Location", containsString("/api/v1/events/"))
                .body("status", equalTo("DRAFT")).body("organizerOrg", equalTo(org))
                .extract().path("id");
    }

    @Test
    void draftsAreInvisibleToThePublicUntilPublished() {
        String org = "org-" + UUID.randomUUID();
        String title = "第七届广东科普嘉年华 " + UUID.randomUUID();
        String id = createDraft(org, title);

        given().when().get("/api/v1/events/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://kepu.org/problems/not-found"));
        // Searched by its own organizer too, so that other tests' events never push it off the page.
        given().queryParam("divisionCode", "440100").queryParam("organizer", org).queryParam("size", 100)
                .when().get("/api/v1/events").then().statusCode(200).body("items.titleZh", not(hasItem(title)));

        given().auth().oauth2(organizer(org)).when().post("/api/v1/events/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).header("ETag", notNullValue());

        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("titleZh", equalTo(title))
                .body("startsAt", equalTo("2024-05-18T09:00:00+08:00"));
        given().queryParam("divisionCode", "440100").queryParam("from", "2024-05-19T00:00:00+08:00")
                .queryParam("organizer", org).queryParam("size", 100)
                .when().get("/api/v1/events").then().statusCode(200).body("items.titleZh", hasItem(title));
    }

    @Test
    void publishingTwiceIsAConflict() {
        String org = "org-" + UUID.randomUUID();
        String id = createDraft(org, "第24届广东省青少年机器人竞赛");
        given().auth().oauth2(organizer(org)).when().post("/api/v1/events/" + id + "/publish").then().statusCode(200);
        given().auth().oauth2(organizer(org)).when().post("/api/v1/events/" + id + "/publish")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/illegal-lifecycle-move"));
    }

    @Test
    void anotherOrganizationCannotPublishYourDraft() {
        String id = createDraft("org-" + UUID.randomUUID(), "2024年广东省全国科技活动周开幕式");
        given().auth().oauth2(organizer("org-" + UUID.randomUUID())).when().post("/api/v1/events/" + id + "/publish")
                .then().statusCode(404);
    }

    @Test
    void anonymousCallersCannotCreate() {
        given().contentType(ContentType.JSON).body(carnival("匿名活动")).when().post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void expiredOrForeignTokensAreRejected() {
        String expired = TOKENS.token("late").role("organizer").organization("o").lifetimeSeconds(-120).sign();
        given().auth().oauth2(expired).contentType(ContentType.JSON).body(carnival("过期")).when().post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
        String otherAudience = TOKENS.token("x").role("organizer").organization("o").audience("someone-else").sign();
        given().auth().oauth2(otherAudience).contentType(ContentType.JSON).body(carnival("别的受众")).when()
                .post("/api/v1/events").then().statusCode(401);
    }

    @Test
    void invalidFieldsAreListedInOneProblem() {
        Map<String, Object> bad = new java.util.HashMap<>(carnival(""));
        bad.put("endsAt", "2024-05-17T09:00:00+08:00");
        bad.put("latitude", 123.0);
        given().auth().oauth2(organizer("o")).contentType(ContentType.JSON).body(bad).when().post("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("titleZh", "latitude", "endsAt"));

        Map<String, Object> crossField = new java.util.HashMap<>(carnival("跨字段"));
        crossField.put("endsAt", "2024-05-17T09:00:00+08:00");
        crossField.put("divisionCode", "449999");
        given().auth().oauth2(organizer("o")).contentType(ContentType.JSON).body(crossField).when().post("/api/v1/events")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("endsAt", "divisionCode"));
    }

    @Test
    void malformedJsonAndUnknownValuesAreClientErrors() {
        given().auth().oauth2(organizer("o")).contentType(ContentType.JSON).body("{\"titleZh\": ").when()
                .post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/malformed-json"));
        Map<String, Object> badType = new java.util.HashMap<>(carnival("类型错误"));
        badType.put("type", "PICNIC");
        given().auth().oauth2(organizer("o")).contentType(ContentType.JSON).body(badType).when().post("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
    }

    @Test
    void unknownPathsWrongMethodsAndOversizedPagesAreProblems() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/v1/events").then().statusCode(405).contentType("application/problem+json");
        given().queryParam("size", 1000).when().get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }
}
