package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A school books a class visit without an account and the venue's manager handles it; a caravan's manager plans a
 * tour's stops in the less-developed regions and everybody reads them: all through the gateway.
 */
@ExtendWith(KepuSystem.class)
class VisitsAndToursThroughTheGatewayTest {

    @Test
    void aSchoolBooksAVisitAndTheManagerSeesItMasked() {
        String admin = Gateway.admin();
        String venue = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "预约科技馆 " + UUID.randomUUID(), "kind", "SCIENCE_MUSEUM", "divisionCode",
                        "440106", "latitude", 23.12, "longitude", 113.33))
                .when().post("/api/v1/venues").then().statusCode(201).extract().path("id");
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.put(day, List.of(Map.of("opens", "09:00", "closes", "17:00")));
        }
        given().auth().oauth2(admin).header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("weekly", week))
                .when().put("/api/v1/venues/" + venue + "/opening-hours").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("subjects", List.of("visit-manager-" + venue))).when()
                .put("/api/v1/venues/" + venue + "/managers").then().statusCode(200);
        String manager = Gateway.TOKENS.token("visit-manager-" + venue).role("venue-manager").sign();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        String slot = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "opens", "09:30", "closes", "11:00", "capacity", 60)).when()
                .post("/api/v1/venues/" + venue + "/slots").then().statusCode(201).extract().path("items[0].id");

        JsonPath receipt = given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("size", 45, "school", "华阳小学", "grade", "五年级", "leaderName", "王老师", "leaderPhone",
                        "13800138000"))
                .when().post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings").then().statusCode(201)
                .extract().jsonPath();
        given().contentType(ContentType.JSON).body(Map.of("size", 20, "school", "另一所", "leaderName", "李老师",
                "leaderPhone", "13900139000")).when().post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings")
                .then().statusCode(409).body("detail", containsString("15 seats are left"));
        given().auth().oauth2(manager).when().get("/api/v1/venues/" + venue + "/bookings").then().statusCode(200)
                .body("items[0].leaderPhone", equalTo("138****8000"));
        given().when().get("/api/v1/venues/" + venue + "/bookings").then().statusCode(401);
        String booking = receipt.getString("booking.id");
        given().header("Booking-Token", receipt.getString("manageToken")).when().get("/api/v1/bookings/" + booking)
                .then().statusCode(200).body("leaderPhone", equalTo("13800138000"));
        given().header("Booking-Token", receipt.getString("manageToken")).when()
                .post("/api/v1/bookings/" + booking + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // Rejecting stays the manager's: without a token the gateway stops it.
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when()
                .post("/api/v1/bookings/" + booking + "/reject").then().statusCode(401);
    }

    @Test
    void aCaravansManagerPlansStopsThatEverybodyFindsByRegion() {
        String admin = Gateway.admin();
        String unit = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "科普大篷车 " + UUID.randomUUID(), "kind", "CARAVAN", "divisionCode", "441802"))
                .when().post("/api/v1/venues").then().statusCode(201).extract().path("id");
        String tour = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "name", "2024年科普大篷车粤北行", "year", 2024)).when()
                .post("/api/v1/tours").then().statusCode(201).extract().path("id");
        String place = "乳源瑶族自治县中心小学 " + UUID.randomUUID();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("placeName", place, "divisionCode", "440232", "latitude", 24.78, "longitude", 113.28,
                        "startsOn", "2024-10-14", "endsOn", "2024-10-15", "setting", "SCHOOL"))
                .when().post("/api/v1/tours/" + tour + "/stops").then().statusCode(201)
                .body("economicRegion", equalTo("NORTH"));
        given().when().get("/api/v1/tours/" + tour).then().statusCode(200).body("stopsOutsidePrd", equalTo(1));
        given().queryParam("economicRegion", "NORTH").queryParam("from", "2024-10-01").queryParam("to", "2024-10-31")
                .queryParam("size", 100).when().get("/api/v1/tours/stops").then().statusCode(200)
                .body("items.placeName", hasItem(place));
    }
}
