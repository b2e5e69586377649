package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The venue directory as its users work it through the gateway: an admin registers a place and names its manager, the
 * manager keeps its hours, a visitor finds it open near them, the staff certify it as an education base, and when it
 * closes for good event-service stops accepting events there.
 */
@ExtendWith(KepuSystem.class)
class VenueDirectoryThroughTheGatewayTest {

    @Test
    void aVenueIsRegisteredKeptFoundCertifiedAndClosed() {
        String admin = Gateway.admin();
        String word = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> venue = new HashMap<>(Map.of("nameZh", "东莞市科学技术博物馆 " + word, "kind",
                "SCIENCE_MUSEUM", "divisionCode", "441900", "address", "东莞市南城区鸿福路", "latitude", 23.0205,
                "longitude", 113.7518, "accessibility", List.of("WHEELCHAIR_ACCESS", "GUIDED_TOURS")));
        String id = given().auth().oauth2(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(venue).when().post("/api/v1/venues").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("subjects", List.of("dg-manager")))
                .when().put("/api/v1/venues/" + id + "/managers").then().statusCode(200);

        String manager = Gateway.TOKENS.token("dg-manager").role("venue-manager").sign();
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.put(day, List.of(Map.of("opens", "09:00", "closes", "17:00")));
        }
        given().auth().oauth2(manager).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("weekly", week, "exceptions", List.of(Map.of("date", "2027-02-06", "closed", true,
                        "note", "春节闭馆"))))
                .when().put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200);

        // A visitor nearby, on a Saturday morning.
        given().queryParam("lat", 23.03).queryParam("lon", 113.75).queryParam("radiusKm", 5).queryParam("q", word)
                .queryParam("openAt", "2026-12-05T10:00:00+08:00").queryParam("accessibility", "WHEELCHAIR_ACCESS")
                .when().get("/api/v1/venues").then().statusCode(200).body("items.id", contains(id))
                .body("items[0].distanceKm", lessThan(2.0f));
        given().queryParam("at", "2027-02-06T10:00:00+08:00").when()
                .get("/api/v1/venues/" + id + "/opening-hours/status").then().statusCode(200)
                .body("open", equalTo(false)).body("nextOpening.opens", equalTo("2027-02-07T09:00:00+08:00"));
        given().when().get("/api/v1/venue-kinds").then().statusCode(200).body("items.code", hasItem("E_STATION"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("move", "APPLY")).when()
                .post("/api/v1/venues/" + id + "/certification/moves").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("move", "CERTIFY", "level",
                "MUNICIPAL", "validFrom", "2026-01-01", "validUntil", "2030-12-31")).when()
                .post("/api/v1/venues/" + id + "/certification/moves").then().statusCode(201);
        String analyst = Gateway.TOKENS.token("analyst").role("analyst").sign();
        given().auth().oauth2(analyst).queryParam("divisionCode", "441900").queryParam("status", "CERTIFIED")
                .queryParam("size", 100).when().get("/api/v1/education-bases").then().statusCode(200)
                .body("items.venueId", hasItem(id));
        given().when().get("/api/v1/education-bases").then().statusCode(401);

        // Closed for good: event-service learns it from the venue's facts and refuses new events there.
        String organizer = Gateway.organizer("org-" + UUID.randomUUID());
        Map<String, Object> event = Map.of("titleZh", "场馆讲座", "type", "LECTURE", "startsAt",
                "2026-12-20T09:00:00+08:00", "endsAt", "2026-12-20T11:00:00+08:00", "venueId", id);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth()
                .oauth2(organizer).contentType(ContentType.JSON).body(event).when().post("/api/v1/events").then()
                .extract().statusCode() == 201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "reason", "搬迁"))
                .when().post("/api/v1/venues/" + id + "/status").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth()
                .oauth2(organizer).contentType(ContentType.JSON).body(event).when().post("/api/v1/events").then()
                .extract().statusCode() == 400);
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(event).when().post("/api/v1/events").then()
                .statusCode(400).body("errors[0].field", equalTo("venueId"))
                .body("errors[0].message", equalTo("names a venue that has closed"));
        given().when().get("/api/v1/venues/" + id).then().statusCode(404);
    }
}
