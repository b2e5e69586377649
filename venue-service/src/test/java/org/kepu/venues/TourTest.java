package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.assignManager;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.venues.messaging.TourFacts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A caravan's tour 进校园、进农村、进社区, kept by its managers and read by everybody. */
@QuarkusTest
class TourTest {

    /** A caravan with its own manager ("manager-" + id). */
    static String caravan() {
        Map<String, Object> unit = scienceCentre("科普大篷车 " + UUID.randomUUID());
        unit.put("kind", "CARAVAN");
        unit.remove("latitude");
        unit.remove("longitude");
        String id = register(unit);
        assignManager(id, "manager-" + id);
        return id;
    }

    static String tour(String unit, int year) {
        return asManager("manager-" + unit).contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "name", year + "年科普大篷车粤北巡展", "year", year, "organizer", "广东省科协"))
                .when().post("/api/v1/tours").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> stop(String place, String division, String from, String to, String setting) {
        return new HashMap<>(Map.of("placeName", place, "divisionCode", division, "latitude", 24.78, "longitude",
                112.38, "startsOn", from, "endsOn", to, "setting", setting));
    }

    static ValidatableResponse addStop(String unit, String tour, Map<String, Object> stop) {
        return asManager("manager-" + unit).contentType(ContentType.JSON).body(stop).when()
                .post("/api/v1/tours/" + tour + "/stops").then();
    }

    @Test
    void aTourListsItsStopsInDateOrderWithTheirRegion() {
        String unit = caravan();
        String tour = tour(unit, 2024);
        addStop(unit, tour, stop("连州市第二中学", "441882", "2024-11-04", "2024-11-08", "SCHOOL")).statusCode(201)
                .body("cityCode", equalTo("441800")).body("economicRegion", equalTo("NORTH"));
        addStop(unit, tour, stop("湛江市赤坎区寸金街道社区", "440802", "2024-10-10", "2024-10-12", "COMMUNITY"))
                .statusCode(201).body("economicRegion", equalTo("WEST"));
        String museum = register(scienceCentre("番禺科技馆 " + UUID.randomUUID()));
        Map<String, Object> atVenue = new HashMap<>(Map.of("venueId", museum, "startsOn", "2024-12-01", "endsOn",
                "2024-12-02", "setting", "COMMUNITY"));
        addStop(unit, tour, atVenue).statusCode(201).body("divisionCode", equalTo("440113"))
                .body("latitude", equalTo(23.0418f));

        given().when().get("/api/v1/tours/" + tour).then().statusCode(200)
                .body("stops.startsOn", contains("2024-10-10", "2024-11-04", "2024-12-01"))
                .body("stopsOutsidePrd", equalTo(2)).body("stops[0].latitude", equalTo(24.78f));
        given().queryParam("unitId", unit).when().get("/api/v1/tours").then().statusCode(200)
                .body("items.id", contains(tour));
        given().queryParam("economicRegion", "NORTH").queryParam("from", "2024-11-01").queryParam("to", "2024-11-30")
                .queryParam("size", 100).when().get("/api/v1/tours/stops").then().statusCode(200)
                .body("items.placeName", hasItem("连州市第二中学")).body("items.placeName", not(hasItem("湛江市赤坎区寸金街道社区")));
        given().queryParam("divisionCode", "440800").queryParam("size", 100).when().get("/api/v1/tours/stops").then()
                .body("items.tourId", hasItem(tour));
    }

    @Test
    void stopsStayInTheTourYearAndNeverOverlapOnAnyTourOfTheUnit() {
        String unit = caravan();
        String tour = tour(unit, 2024);
        String other = tour(unit, 2024);
        addStop(unit, tour, stop("连州市第二中学", "441882", "2024-11-04", "2024-11-08", "SCHOOL")).statusCode(201);
        addStop(unit, other, stop("连南县寨岗镇", "441826", "2024-11-08", "2024-11-10", "VILLAGE")).statusCode(409)
                .body("type", containsString("stop-overlaps")).body("detail", containsString("连州市第二中学"));
        addStop(unit, tour, stop("跨年", "441882", "2024-12-30", "2025-01-02", "SCHOOL")).statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
        addStop(unit, tour, stop("倒序", "441882", "2024-05-10", "2024-05-01", "SCHOOL")).statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> nowhere = stop("无坐标", "441882", "2024-06-01", "2024-06-02", "VILLAGE");
        nowhere.remove("latitude");
        addStop(unit, tour, nowhere).statusCode(400).body("errors[0].field", equalTo("latitude"));
        // Another unit may be there at the same time.
        String second = caravan();
        addStop(second, tour(second, 2024), stop("连州市第二中学", "441882", "2024-11-04", "2024-11-08", "SCHOOL"))
                .statusCode(201);
        // A tour's year cannot leave its stops behind.
        asManager("manager-" + unit).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "name", "改年份", "year", 2025)).when().put("/api/v1/tours/" + tour).then()
                .statusCode(409);
    }

    @Test
    void onlyTheUnitsManagersKeepItsToursAndOnlyMobileUnitsTour() {
        String unit = caravan();
        String tour = tour(unit, 2024);
        String stranger = caravan();
        asManager("manager-" + stranger).contentType(ContentType.JSON)
                .body(stop("越权", "441882", "2024-03-01", "2024-03-02", "SCHOOL")).when()
                .post("/api/v1/tours/" + tour + "/stops").then().statusCode(403);
        String museum = register(scienceCentre("不是流动设施 " + UUID.randomUUID()));
        asAdmin().contentType(ContentType.JSON).body(Map.of("unitId", museum, "name", "x", "year", 2024)).when()
                .post("/api/v1/tours").then().statusCode(409).body("type", containsString("not-a-mobile-unit"));
        given().contentType(ContentType.JSON).body(Map.of("unitId", unit, "name", "x", "year", 2024)).when()
                .post("/api/v1/tours").then().statusCode(401);
    }

    @Test
    void visitorsAreReportedAfterTheStopAndEveryChangeIsAFact() throws Exception {
        String unit = caravan();
        String tour = tour(unit, 2024);
        String stop = addStop(unit, tour, stop("阳山县七拱镇", "441823", "2024-05-20", "2024-05-21", "VILLAGE"))
                .statusCode(201).extract().path("id");
        asManager("manager-" + unit).contentType(ContentType.JSON).body(Map.of("visitors", 1200)).when()
                .put("/api/v1/tours/" + tour + "/stops/" + stop + "/visitors").then().statusCode(200)
                .body("visitors", equalTo(1200));
        int nextYear = java.time.LocalDate.now().getYear() + 1;
        String future = tour(unit, nextYear);
        String coming = addStop(unit, future, stop("未来的站点", "441823", nextYear + "-05-20", nextYear + "-05-21",
                "VILLAGE")).statusCode(201).extract().path("id");
        asManager("manager-" + unit).contentType(ContentType.JSON).body(Map.of("visitors", 10)).when()
                .put("/api/v1/tours/" + future + "/stops/" + coming + "/visitors").then().statusCode(409);
        asManager("manager-" + unit).when().delete("/api/v1/tours/" + future + "/stops/" + coming).then()
                .statusCode(204);
        given().when().get("/api/v1/tours/" + tour).then().body("visitors", equalTo(1200));

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, TourFacts.TOPIC, unit, 6, Duration.ofSeconds(20));
        assertEquals(List.of(TourFacts.TOUR_CREATED, TourFacts.STOP_ADDED, TourFacts.VISITORS_REPORTED,
                TourFacts.TOUR_CREATED, TourFacts.STOP_ADDED, TourFacts.STOP_REMOVED),
                facts.stream().map(FactReader::typeOf).toList());
        assertTrue(facts.get(2).contains("\"visitors\":1200") && facts.get(2).contains("\"economicRegion\":\"NORTH\""),
                facts.get(2));
        assertTrue(facts.get(5).contains("\"removed\":true"), facts.get(5));
    }

}
