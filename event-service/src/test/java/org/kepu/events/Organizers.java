package org.kepu.events;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.kepu.common.testing.TestPlaces;
import org.kepu.common.security.DevTokenMinter;

import io.restassured.http.ContentType;

/** Arranges events through the API as an organizer would; each test uses its own organization. */
final class Organizers {

    static final DevTokenMinter TOKENS = DevTokenMinter.fromEnvironment();

    private Organizers() {
    }

    static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    static String token(String org) {
        return TOKENS.token("organizer@" + org).role("organizer").organization(org).sign();
    }

    /** A valid event body in 番禺区 at 广东科学中心; tests override what they need. */
    static Map<String, Object> event(String titleZh) {
        Map<String, Object> body = new HashMap<>();
        body.put("titleZh", titleZh);
        body.put("type", "CARNIVAL");
        body.put("startsAt", "2024-05-18T09:00:00+08:00");
        body.put("endsAt", "2024-05-19T17:00:00+08:00");
        body.putAll(TestPlaces.scienceCentre());
        body.put("capacity", 500);
        return body;
    }

    static String create(String org, Map<String, Object> body) {
        return given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
    }

    static String publish(String org, Map<String, Object> body) {
        String id = create(org, body);
        given().auth().oauth2(token(org)).when().post("/api/v1/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static void cancel(String org, String id) {
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "因台风影响，活动取消"))
                .when().post("/api/v1/events/" + id + "/cancel").then().statusCode(200);
    }
}
