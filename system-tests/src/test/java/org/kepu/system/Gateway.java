package org.kepu.system;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.common.security.DevTokenMinter;

import io.restassured.http.ContentType;

/** What the end-to-end tests do through the gateway, in the words of its users. */
final class Gateway {

    static final DevTokenMinter TOKENS = DevTokenMinter.fromEnvironment();

    private Gateway() {
    }

    static String organizer(String org) {
        return TOKENS.token("organizer@" + org).role("organizer").organization(org).sign();
    }

    static String admin() {
        return TOKENS.token("admin").role("admin").sign();
    }

    /** Creates and publishes an event in a division as an organizer; returns its id. */
    static String publishEvent(String org, String divisionCode) {
        return publishEvent(org, Map.of("titleZh", "科普大篷车进校园 " + UUID.randomUUID(), "type", "CARAVAN_VISIT",
                "startsAt", "2024-11-05T09:00:00+08:00", "endsAt", "2024-11-05T16:00:00+08:00", "divisionCode",
                divisionCode));
    }

    /** Creates the organizer's event from {@code draft} and publishes it; answers its id. */
    static String publishEvent(String org, Map<String, Object> draft) {
        String token = organizer(org);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(draft).when()
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).when().post("/api/v1/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** The anonymous dashboard's figure for one city in a by-city report. */
    static long cityCount(String report, String cityCode) {
        List<Map<String, Object>> items = given().when().get(report).then().statusCode(200).extract().path("items");
        return items.stream().filter(row -> cityCode.equals(row.get("cityCode")))
                .mapToLong(row -> ((Number) row.get("count")).longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("No row for city " + cityCode + " in " + report));
    }

    static final String PUBLISHED_EVENTS_BY_CITY = "/api/v1/reports/events/published-by-city";
    static final String VENUES_BY_CITY = "/api/v1/reports/venues/by-city";
}
