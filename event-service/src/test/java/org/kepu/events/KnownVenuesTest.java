package org.kepu.events;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An event's venue must be one venue-service has announced on {@code kepu.venues} and not closed; the event then takes
 * its place from the venue. The facts go through the real broker, as venue-service would send them.
 */
@QuarkusTest
class KnownVenuesTest {

    static void announce(UUID venue, long version, String status) throws Exception {
        announce(venue, venue, version, status);
    }

    /** Sends a venue fact under {@code key}: facts under one key are consumed in the order sent. */
    static void announce(UUID key, UUID venue, long version, String status) throws Exception {
        facts().send("kepu.venues", key.toString(), venueFact(venue, version, status));
    }

    /** A venue fact as venue-service sends it, with a property this service does not know yet. */
    static String venueFact(UUID venue, long version, String status) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.venue.registered",
                 "subject":"%s","time":"2024-05-18T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":%d,"nameZh":"广州市科普教育基地","kind":"EDUCATION_BASE",
                         "divisionCode":"440104","latitude":23.1291,"longitude":113.2644%s,"futureField":1}}
                """.formatted(UUID.randomUUID(), venue, venue, version,
                status == null ? "" : ",\"status\":\"" + status + "\"");
    }

    static Map<String, Object> atVenue(UUID venue) {
        Map<String, Object> body = Organizers.event("走进科普教育基地");
        body.remove("divisionCode");
        body.remove("latitude");
        body.remove("longitude");
        body.put("venueId", venue.toString());
        return body;
    }

    static int create(String org, Map<String, Object> body) {
        return given().auth().oauth2(Organizers.token(org)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().extract().statusCode();
    }

    @Test
    void anEventAtAnAnnouncedVenueTakesItsPlace() throws Exception {
        UUID venue = UUID.randomUUID();
        String org = Organizers.newOrg();
        announce(venue, 1, null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> create(org, atVenue(venue)) == 201);

        given().auth().oauth2(Organizers.token(org)).contentType(ContentType.JSON).body(atVenue(venue))
                .when().post("/api/v1/events").then().statusCode(201).body("venueId", equalTo(venue.toString()))
                .body("divisionCode", equalTo("440104")).body("cityCode", equalTo("440100"))
                .body("latitude", equalTo(23.1291f)).body("longitude", equalTo(113.2644f));
    }

    @Test
    void aVenueNobodyAnnouncedIsRefusedNamingVenueId() {
        Map<String, Object> body = Organizers.event("走进不存在的基地");
        body.put("venueId", UUID.randomUUID().toString());
        given().auth().oauth2(Organizers.token(Organizers.newOrg())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("venueId"));
    }

    @Test
    void aClosedVenueTakesNoNewEventsAndALateOldFactDoesNotReopenIt() throws Exception {
        UUID venue = UUID.randomUUID();
        String org = Organizers.newOrg();
        announce(venue, 1, "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> create(org, atVenue(venue)) == 201);
        announce(venue, 3, "CLOSED");
        announce(venue, 2, "ACTIVE"); // arrives late: older than what is known
        UUID marker = UUID.randomUUID();
        announce(venue, marker, 1, null); // known only once everything sent before it under the same key is applied
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> create(org, atVenue(marker)) == 201);
        given().auth().oauth2(Organizers.token(org)).contentType(ContentType.JSON).body(atVenue(venue))
                .when().post("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("venueId"))
                .body("errors[0].message", equalTo("names a venue that has closed"));
    }
}
