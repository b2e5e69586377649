package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.assignManager;
import static org.kepu.venues.Venues.etag;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A manager keeps the hours; visitors read openings and ask whether it is open. */
@QuarkusTest
class OpeningHoursResourceTest {

    static final Map<String, Object> HOURS = Map.of(
            "weekly", Map.of(
                    "TUESDAY", List.of(Map.of("opens", "09:30", "closes", "17:30")),
                    "SATURDAY",
                    List.of(Map.of("opens", "09:30", "closes", "12:00"), Map.of("opens", "13:00", "closes", "18:00"))),
            "exceptions", List.of(
                    Map.of("date", "2026-02-17", "closed", true, "note", "春节闭馆"),
                    Map.of("date", "2026-09-21", "closed", false, "ranges",
                            List.of(Map.of("opens", "09:00", "closes", "21:00")), "note", "全国科普日特别开放")));

    @Test
    void aManagerSetsTheHoursAndVisitorsReadTheOpenings() {
        String id = register(scienceCentre("开放时间科技馆"));
        assignManager(id, "hours-" + id);
        asManager("hours-" + id).header("If-Match", etag(id)).contentType(ContentType.JSON).body(HOURS).when()
                .put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200)
                .body("openingHours.weekly.SATURDAY.opens", contains("09:30", "13:00"))
                .body("openingHours.exceptions.note", contains("春节闭馆", "全国科普日特别开放"));

        // 2026-02-14 to 02-21: Saturday 14 (two ranges), Tuesday 17 closed for the festival, Saturday 21.
        given().queryParam("from", "2026-02-14").queryParam("to", "2026-02-21").when()
                .get("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200)
                .body("intervals.opens", contains("2026-02-14T09:30:00+08:00", "2026-02-14T13:00:00+08:00",
                        "2026-02-21T09:30:00+08:00", "2026-02-21T13:00:00+08:00"))
                .body("closures.date", contains("2026-02-17")).body("closures[0].note", equalTo("春节闭馆"));
        given().queryParam("from", "2026-09-21").queryParam("to", "2026-09-21").when()
                .get("/api/v1/venues/" + id + "/opening-hours").then()
                .body("intervals.note", contains("全国科普日特别开放"));
    }

    @Test
    void isItOpenAnswersWithTheOpeningAndTheNextOne() {
        String id = register(scienceCentre("现在开门吗"));
        asAdmin().header("If-Match", "*").contentType(ContentType.JSON).body(HOURS).when()
                .put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200);

        given().queryParam("at", "2026-02-14T10:00:00+08:00").when()
                .get("/api/v1/venues/" + id + "/opening-hours/status").then().statusCode(200)
                .body("open", equalTo(true)).body("interval.closes", equalTo("2026-02-14T12:00:00+08:00"))
                .body("nextOpening.opens", equalTo("2026-02-14T13:00:00+08:00"));
        // Sunday: closed; the Tuesday is 春节, so the next opening is Saturday the 21st.
        given().queryParam("at", "2026-02-15T10:00:00+08:00").when()
                .get("/api/v1/venues/" + id + "/opening-hours/status").then()
                .body("open", equalTo(false)).body("interval", nullValue())
                .body("nextOpening.opens", equalTo("2026-02-21T09:30:00+08:00"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "设备检修"))
                .when().post("/api/v1/venues/" + id + "/status").then().statusCode(200);
        given().queryParam("at", "2026-02-14T10:00:00+08:00").when()
                .get("/api/v1/venues/" + id + "/opening-hours/status").then()
                .body("open", equalTo(false)).body("status", equalTo("TEMPORARILY_CLOSED"))
                .body("statusReason", equalTo("设备检修"));
        given().queryParam("from", "2026-02-14").queryParam("to", "2026-02-21").when()
                .get("/api/v1/venues/" + id + "/opening-hours").then().body("intervals", hasSize(0));
    }

    @Test
    void brokenHoursAreRefusedNamingTheFieldAndChangeNothing() {
        String id = register(scienceCentre("错误时间科技馆"));
        String tag = etag(id);
        Map<String, Object> overlapping = Map.of("weekly", Map.of("MONDAY", List.of(
                Map.of("opens", "09:00", "closes", "12:00"), Map.of("opens", "11:00", "closes", "10:00"),
                Map.of("opens", "11:30", "closes", "13:00"))));
        asAdmin().header("If-Match", tag).contentType(ContentType.JSON).body(overlapping).when()
                .put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("weekly.MONDAY[1].closes", "weekly.MONDAY[2]"));
        asAdmin().header("If-Match", tag).contentType(ContentType.JSON)
                .body(Map.of("weekly", Map.of("FUNDAY", List.of()))).when()
                .put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/api/v1/venues/" + id).then().body("openingHours.weekly.size()", equalTo(0));
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-06-01").when()
                .get("/api/v1/venues/" + id + "/opening-hours").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().queryParam("from", "2026-02-01").when().get("/api/v1/venues/" + id + "/opening-hours").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
