package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;
import static org.kepu.venues.Venues.with;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Finding venues as visitors do; each test's venues carry a word of their own, searched with q. */
@QuarkusTest
class VenueSearchTest {

    static String word() {
        return "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static io.restassured.response.ValidatableResponse find(String word, Object... params) {
        var request = given().queryParam("q", word).queryParam("size", 100);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get("/api/v1/venues").then().statusCode(200);
    }

    @Test
    void divisionsAtEveryLevelAndRegionsFilter() {
        String w = word();
        register(with(scienceCentre("番禺科技馆 " + w), "divisionCode", "440113"));
        register(with(scienceCentre("天河图书馆 " + w), "kind", "LIBRARY", "divisionCode", "440106", "latitude", 23.1167,
                "longitude", 113.3245));
        register(with(scienceCentre("梅州科技馆 " + w), "divisionCode", "441402", "latitude", 24.29, "longitude", 116.12));

        find(w, "divisionCode", "440100").body("items.nameZh", containsInAnyOrder("番禺科技馆 " + w, "天河图书馆 " + w));
        find(w, "divisionCode", "441402").body("items.nameZh", contains("梅州科技馆 " + w));
        find(w, "divisionCode", "440000").body("total", equalTo(3));
        find(w, "economicRegion", "NORTH").body("items.nameZh", contains("梅州科技馆 " + w));
        find(w, "category", "PUBLIC_FACILITIES").body("items.nameZh", contains("天河图书馆 " + w));
        find(w, "kind", "SCIENCE_MUSEUM").body("total", equalTo(2));
    }

    @Test
    void vocabulariesAndAccessibilityFilter() {
        String w = word();
        register(with(scienceCentre("无障碍科技馆 " + w), "accessibility", List.of("WHEELCHAIR_ACCESS"), "facilities",
                List.of("DOME_THEATRE"), "themes", List.of("HEALTH"), "audiences", List.of("ELDERLY")));
        register(with(scienceCentre("普通科技馆 " + w), "accessibility", List.of("PARKING"), "facilities", List.of(),
                "themes", List.of("SPACE"), "audiences", List.of("CHILDREN")));

        find(w, "accessibility", "WHEELCHAIR_ACCESS").body("items.nameZh", contains("无障碍科技馆 " + w));
        find(w, "facility", "DOME_THEATRE").body("items.nameZh", contains("无障碍科技馆 " + w));
        find(w, "theme", "SPACE").body("items.nameZh", contains("普通科技馆 " + w));
        find(w, "audience", "ELDERLY").body("items.nameZh", contains("无障碍科技馆 " + w));
    }

    @Test
    void nearAPointListsTheNearestFirstWithTheirDistance() {
        String w = word();
        register(with(scienceCentre("广东科学中心 " + w)));
        register(with(scienceCentre("广州图书馆 " + w), "kind", "LIBRARY", "divisionCode", "440106", "latitude", 23.1167,
                "longitude", 113.3245));
        register(with(scienceCentre("深圳科技馆 " + w), "divisionCode", "440304", "latitude", 22.5440, "longitude",
                114.0890));

        // From 珠江新城: the library is about 1 km away, the science centre about 10 km, Shenzhen about 100 km.
        find(w, "lat", 23.1200, "lon", 113.3300, "radiusKm", 20)
                .body("items.nameZh", contains("广州图书馆 " + w, "广东科学中心 " + w))
                .body("items[0].distanceKm", lessThan(2.0f)).body("items[1].distanceKm", notNullValue());
    }

    @Test
    void freeTextFindsChineseAndEnglishWords() {
        String w = word();
        register(with(scienceCentre("广东省气象科普馆 " + w), "nameEn", "Guangdong Meteorological Museum"));
        register(with(scienceCentre("广东省地质博物馆 " + w), "nameEn", "Geological Museum", "kind", "MUSEUM"));

        find(w + " 气象").body("items.nameZh", contains("广东省气象科普馆 " + w));
        find(w + " meteorological").body("items.nameZh", contains("广东省气象科普馆 " + w));
        find(w + " 博物馆").body("items.nameZh", contains("广东省地质博物馆 " + w));
    }

    @Test
    void openAtAndOpenNowUseTheHoursAndTheirExceptions() {
        String w = word();
        String weekdays = register(scienceCentre("工作日开放 " + w));
        String closedForFestival = register(scienceCentre("春节闭馆 " + w));
        String daily = register(scienceCentre("天天开放 " + w));
        Venues.openDaily(daily);
        Map<String, Object> week = Map.of("TUESDAY", List.of(Map.of("opens", "09:30", "closes", "17:30")),
                "WEDNESDAY", List.of(Map.of("opens", "09:30", "closes", "17:30")));
        for (String id : List.of(weekdays, closedForFestival)) {
            asAdmin().header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("weekly", week, "exceptions",
                    id.equals(closedForFestival)
                            ? List.of(Map.of("date", "2026-02-17", "closed", true, "note", "春节闭馆"))
                            : List.of()))
                    .when().put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200);
        }

        // 2026-02-17 is a Tuesday (春节); 2026-02-24 the Tuesday after; 2026-02-23 a Monday.
        find(w, "openAt", "2026-02-17T10:00:00+08:00").body("items.id", containsInAnyOrder(weekdays, daily));
        find(w, "openAt", "2026-02-24T10:00:00+08:00").body("items.id",
                containsInAnyOrder(weekdays, closedForFestival, daily));
        find(w, "openAt", "2026-02-23T10:00:00+08:00").body("items.id", contains(daily));
        find(w, "openAt", "2026-02-24T01:00:00Z").body("items.id", not(hasItem(weekdays))); // 09:00 in Shanghai
        find(w, "openAt", "2026-02-24T01:45:00Z").body("items.id", hasItem(weekdays));
        // A venue closed for a while is not open, whatever its hours say.
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "布展"))
                .when().post("/api/v1/venues/" + daily + "/status").then().statusCode(200);
        find(w, "openAt", "2026-02-23T10:00:00+08:00").body("total", equalTo(0));
        find(w, "openNow", true).body("items.id", not(hasItem(daily)));
    }

    @Test
    void badSearchParametersAreNamed() {
        given().queryParam("lat", 23.1).when().get("/api/v1/venues").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("lon"));
        given().queryParam("kind", "SPACESHIP").when().get("/api/v1/venues").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("category", "MOBILE_UNITS").queryParam("kind", "LIBRARY").when().get("/api/v1/venues")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        given().queryParam("openNow", true).queryParam("openAt", "2026-02-24T10:00:00+08:00").when()
                .get("/api/v1/venues").then().statusCode(400).body("errors.field", hasItem("openNow"));
        given().queryParam("q", "！？").when().get("/api/v1/venues").then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }
}
