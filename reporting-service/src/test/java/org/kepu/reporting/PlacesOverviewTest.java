package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kepu.common.divisions.ProvinceTime;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Venues, bases and touring stops of a city (惠州, 河源: each ours alone in these tests) as the places overview shows them. */
@QuarkusTest
class PlacesOverviewTest {

    @Inject
    DataSource db;

    /** A venue fact, sent under {@code key} (venue-service keys by venue; one key keeps a test's facts in order). */
    static void venue(String key, String kind, String status, String certification) throws Exception {
        venueIn("441302", "441300", key, kind, status, certification);
    }

    static void venueIn(String division, String city, String key, String kind, String status, String certification)
            throws Exception {
        String id = UUID.randomUUID().toString();
        facts().send("kepu.venues", key, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.venue.updated",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":2,"nameZh":"场馆","kind":"%s","divisionCode":"%s",
                         "cityCode":"%s","economicRegion":"PRD","status":"%s"%s}}
                """.formatted(UUID.randomUUID(), id, id, kind, division, city, status,
                certification == null ? "" : ",\"certification\":" + certification));
    }

    static void stop(String unit, Integer visitors, boolean removed) throws Exception {
        facts().send("kepu.tours", unit, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.tour-stop.changed",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"tourId":"%s","unitId":"%s","name":"巡展","year":2033,"version":1,
                         "stop":{"id":"%s","divisionCode":"441302","cityCode":"441300","economicRegion":"PRD",
                                 "startsOn":"2033-04-01","endsOn":"2033-04-02","setting":"COMMUNITY",
                                 "visitors":%s,"removed":%s}}}
                """.formatted(UUID.randomUUID(), unit, UUID.randomUUID(), unit, UUID.randomUUID(),
                visitors == null ? "null" : visitors.toString(), removed));
    }

    /** A booking fact as venue-service writes it (no school contact), keyed by the venue. */
    static void booking(String venue, String booking, int version, int size, String status, Integer attended,
            String startsAt) throws Exception {
        facts().send("kepu.bookings", venue, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.booking.confirmed",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"bookingId":"%s","slotId":"%s","venueId":"%s","divisionCode":"441302","cityCode":"441300",
                         "economicRegion":"PRD","slotStartsAt":"%s","slotCapacity":80,"slotBookedSeats":30,
                         "size":%d,"status":"%s","attended":%s,"version":%d}}
                """.formatted(UUID.randomUUID(), booking, booking, UUID.randomUUID(), venue, startsAt, size, status,
                attended == null ? "null" : attended.toString(), version));
    }

    @Test
    void aCitysVenuesBasesAndStopsAreCounted() throws Exception {
        String venues = UUID.randomUUID().toString();
        venue(venues, "SCIENCE_MUSEUM", "ACTIVE", null);
        venue(venues, "SCIENCE_MUSEUM", "TEMPORARILY_CLOSED", null);
        venue(venues, "LIBRARY", "ACTIVE", null);
        venue(venues, "LIBRARY", "CLOSED", null);
        venue(venues, "EDUCATION_BASE", "ACTIVE",
                "{\"status\":\"CERTIFIED\",\"level\":\"PROVINCIAL\",\"validUntil\":\"2099-12-31\"}");
        venue(venues, "EDUCATION_BASE", "ACTIVE",
                "{\"status\":\"CERTIFIED\",\"level\":\"MUNICIPAL\",\"validUntil\":\"2020-12-31\"}");
        venue(venues, "EDUCATION_BASE", "ACTIVE",
                "{\"status\":\"SUSPENDED\",\"level\":\"DISTRICT\",\"validUntil\":\"2099-12-31\"}");
        String unit = UUID.randomUUID().toString();
        stop(unit, 100, false);
        stop(unit, 50, false);
        stop(unit, 999, true);
        String venue = UUID.randomUUID().toString();
        String attended = UUID.randomUUID().toString();
        booking(venue, attended, 0, 40, "CONFIRMED", null, "2033-05-10T09:00:00+08:00");
        booking(venue, attended, 1, 40, "ATTENDED", 38, "2033-05-10T09:00:00+08:00");
        booking(venue, UUID.randomUUID().toString(), 0, 25, "CONFIRMED", null, "2033-06-10T09:00:00+08:00");
        booking(venue, UUID.randomUUID().toString(), 1, 30, "CANCELLED", null, "2033-06-11T09:00:00+08:00");
        // The first hour of 2034 in Shanghai is not 2033's, though it is in UTC.
        booking(venue, UUID.randomUUID().toString(), 0, 12, "CONFIRMED", null, "2034-01-01T00:30:00+08:00");
        // A slot fact (no booking) is not a booking.
        facts().send("kepu.bookings", venue, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.visit-slot.published",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"slotId":"%s","venueId":"%s","cityCode":"441300","economicRegion":"PRD",
                         "slotStartsAt":"2033-05-10T09:00:00+08:00","slotCapacity":80,"slotBookedSeats":0}}
                """.formatted(UUID.randomUUID(), venue, UUID.randomUUID(), venue));
        // Every fact above has been applied once a later marker under the same key has: what follows is final.
        Markers.venues(facts(), db, venues);
        Markers.tours(facts(), db, unit);
        Markers.bookings(facts(), db, venue);

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
                .body("stopVisitorsByRegion[0].count", equalTo(150)).body("freshAsOf", notNullValue())
                .body("visitsByRegion[0].region", equalTo("PRD")).body("visitsByRegion[0].bookings", equalTo(2))
                .body("visitsByRegion[0].bookedPeople", equalTo(65)).body("visitsByRegion[0].visitors", equalTo(38));
        String csv = given().queryParam("year", 2033).queryParam("scope", "441300").when()
                .get("/api/v1/reports/overview/places.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("团体预约,PRD 到访人数,38\r\n") && csv.contains("巡展观众,PRD,150\r\n"), csv);
        given().queryParam("year", 2033).queryParam("scope", "NOWHERE").when().get("/api/v1/reports/overview/places")
                .then().statusCode(400).body("errors[0].field", equalTo("scope"));
    }

    @Test
    void aBaseWhoseCertificateHasNotBegunIsNotYetValidNotCertified() throws Exception {
        // 河源: a base in force, one whose validity begins four years on (2030 from 2026), one lapsed. Counted as
        // changes, so that the bases a run before left in the test database do not matter.
        Map<String, Long> before = baseCounts("441600");
        int thisYear = LocalDate.now(ProvinceTime.ZONE).getYear();
        String key = UUID.randomUUID().toString();
        venueIn("441602", "441600", key, "EDUCATION_BASE", "ACTIVE", KpiTest.certified("PROVINCIAL", "2020-01-01",
                "2099-12-31"));
        venueIn("441602", "441600", key, "EDUCATION_BASE", "ACTIVE", KpiTest.certified("PROVINCIAL",
                (thisYear + 4) + "-01-01", (thisYear + 8) + "-12-31"));
        venueIn("441602", "441600", key, "EDUCATION_BASE", "ACTIVE", KpiTest.certified("MUNICIPAL", "2016-01-01",
                "2020-12-31"));
        Markers.venues(facts(), db, key);

        Map<String, Long> after = baseCounts("441600");
        Map<String, Long> added = new TreeMap<>();
        after.forEach((what, count) -> {
            long change = count - before.getOrDefault(what, 0L);
            if (change != 0) {
                added.put(what, change);
            }
        });
        assertEquals(Map.of("level PROVINCIAL", 1L, "status CERTIFIED", 1L, "status NOT_YET_VALID", 1L,
                "status LAPSED", 1L), added);
    }

    /** The overview's bases by level and by status in a scope, as "level X" and "status Y". */
    static Map<String, Long> baseCounts(String scope) {
        JsonPath overview = given().queryParam("year", 2024).queryParam("scope", scope).when()
                .get("/api/v1/reports/overview/places").then().statusCode(200).extract().jsonPath();
        Map<String, Long> counts = new TreeMap<>();
        for (String figure : List.of("level", "status")) {
            List<Map<String, Object>> rows = overview.getList(figure.equals("level") ? "basesByLevel" : "basesByStatus");
            rows.forEach(row -> counts.put(figure + " " + row.get("key"), ((Number) row.get("count")).longValue()));
        }
        return counts;
    }
}
