package org.kepu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactSender;

import io.quarkus.test.junit.QuarkusTest;

/** Venues, bases and touring stops of one city (惠州, ours alone in these tests) as the places overview shows them. */
@QuarkusTest
class PlacesOverviewTest {

    static FactSender producer;

    @BeforeAll
    static void connect() {
        producer = new FactSender(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static void venue(String kind, String status, String certification) throws Exception {
        String id = UUID.randomUUID().toString();
        producer.send("kepu.venues", id, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.venue.updated",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":2,"nameZh":"惠州场馆","kind":"%s","divisionCode":"441302",
                         "cityCode":"441300","economicRegion":"PRD","status":"%s"%s}}
                """.formatted(UUID.randomUUID(), id, id, kind, status,
                certification == null ? "" : ",\"certification\":" + certification));
    }

    static void stop(String unit, Integer visitors, boolean removed) throws Exception {
        producer.send("kepu.tours", unit, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.tour-stop.changed",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"tourId":"%s","unitId":"%s","name":"巡展","year":2033,"version":1,
                         "stop":{"id":"%s","divisionCode":"441302","cityCode":"441300","economicRegion":"PRD",
                                 "startsOn":"2033-04-01","endsOn":"2033-04-02","setting":"COMMUNITY",
                                 "visitors":%s,"removed":%s}}}
                """.formatted(UUID.randomUUID(), unit, UUID.randomUUID(), unit, UUID.randomUUID(),
                visitors == null ? "null" : visitors.toString(), removed));
    }

    @Test
    void aCitysVenuesBasesAndStopsAreCounted() throws Exception {
        venue("SCIENCE_MUSEUM", "ACTIVE", null);
        venue("SCIENCE_MUSEUM", "TEMPORARILY_CLOSED", null);
        venue("LIBRARY", "ACTIVE", null);
        venue("LIBRARY", "CLOSED", null);
        venue("EDUCATION_BASE", "ACTIVE", "{\"status\":\"CERTIFIED\",\"level\":\"PROVINCIAL\",\"validUntil\":\"2099-12-31\"}");
        venue("EDUCATION_BASE", "ACTIVE", "{\"status\":\"CERTIFIED\",\"level\":\"MUNICIPAL\",\"validUntil\":\"2020-12-31\"}");
        venue("EDUCATION_BASE", "ACTIVE", "{\"status\":\"SUSPENDED\",\"level\":\"DISTRICT\",\"validUntil\":\"2099-12-31\"}");
        String unit = UUID.randomUUID().toString();
        stop(unit, 100, false);
        stop(unit, 50, false);
        stop(unit, 999, true);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .queryParam("year", 2033).queryParam("scope", "441300").when().get("/api/v1/reports/overview/places")
                .then().extract().jsonPath().getList("stopsByRegion").size() == 1
                && given().queryParam("year", 2033)
                        .queryParam("scope", "441300").when().get("/api/v1/reports/overview/places").then().extract()
                        .jsonPath().getInt("basesByStatus.size()") == 3);
        Thread.sleep(1000); // anything miscounted would have arrived by now too

        given().queryParam("year", 2033).queryParam("scope", "441300").when().get("/api/v1/reports/overview/places")
                .then().statusCode(200)
                .body("venuesByKind.find { it.key == 'SCIENCE_MUSEUM' }.count", equalTo(2))
                .body("venuesByKind.find { it.key == 'LIBRARY' }.count", equalTo(1))
                .body("venuesByKind.find { it.key == 'EDUCATION_BASE' }.count", equalTo(3))
                .body("basesByLevel.size()", equalTo(1)).body("basesByLevel[0].key", equalTo("PROVINCIAL"))
                .body("basesByStatus.find { it.key == 'LAPSED' }.count", equalTo(1))
                .body("basesByStatus.find { it.key == 'SUSPENDED' }.count", equalTo(1))
                .body("basesByStatus.find { it.key == 'CERTIFIED' }.count", equalTo(1))
                .body("stopsByRegion[0].key", equalTo("PRD")).body("stopsByRegion[0].count", equalTo(2))
                .body("stopVisitorsByRegion[0].count", equalTo(150)).body("freshAsOf", notNullValue());
        given().queryParam("year", 2033).queryParam("scope", "NOWHERE").when().get("/api/v1/reports/overview/places")
                .then().statusCode(400).body("errors[0].field", equalTo("scope"));
    }
}
