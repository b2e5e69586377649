package org.kepu.events;

import org.kepu.common.testing.TestSeed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.kepu.common.testing.InputChecks.Kind.BOOLEAN;
import static org.kepu.common.testing.InputChecks.Kind.DECIMAL;
import static org.kepu.common.testing.InputChecks.Kind.ENUM;
import static org.kepu.common.testing.InputChecks.Kind.INTEGER;
import static org.kepu.common.testing.InputChecks.Kind.LIST;
import static org.kepu.common.testing.InputChecks.Kind.TEXT;
import static org.kepu.common.testing.InputChecks.Kind.TIME;
import static org.kepu.common.testing.InputChecks.Kind.UUID;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestFactory;
import org.kepu.common.testing.InputChecks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.http.ContentType;

/** Wrong input to the event API is refused with a 400 naming the field, never reinterpreted or answered 404. */
@QuarkusTest
@ExtendWith(TestSeed.class)
class StrictInputTest {

    static final String ORG = Organizers.newOrg();

    @TestFactory
    Stream<DynamicTest> creatingRefusesWrongJsonTypes() {
        return InputChecks.body("POST", "/api/v1/events", () -> given().auth().oauth2(Organizers.token(ORG)),
                Organizers.event("科普讲座：人工智能与生活"))
                .fields(TEXT, "titleZh", "titleEn", "descriptionZh", "descriptionEn", "address", "streamUrl",
                        "divisionCode", "organizerOrg")
                .fields(ENUM, "type", "format").fields(INTEGER, "capacity", "registrationSizeCap")
                .fields(DECIMAL, "latitude", "longitude").fields(BOOLEAN, "takesRegistrations", "keepsWaitList")
                .fields(TIME, "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt")
                .fields(UUID, "seriesId", "venueId").fields(LIST, "themes", "audiences", "responsibleUnits")
                .checks();
    }

    @TestFactory
    Stream<DynamicTest> lifecycleBodiesRefuseWrongJsonTypes() {
        String id = Organizers.publish(ORG, Organizers.event("台风季防灾减灾科普讲座"));
        return Stream.concat(
                InputChecks.body("POST", "/api/v1/events/" + id + "/cancel",
                        () -> given().auth().oauth2(Organizers.token(ORG)), Map.of("reason", "因台风影响，活动取消"))
                        .fields(TEXT, "reason").checks(),
                InputChecks.body("PUT", "/api/v1/events/" + id + "/attendance",
                        () -> given().auth().oauth2(Organizers.token(ORG)), Map.of("offline", 10, "online", 20))
                        .fields(INTEGER, "offline", "online").checks());
    }

    @TestFactory
    Stream<DynamicTest> registrationBodiesRefuseWrongJsonTypes() {
        String id = Attendees.eventTakingRegistrations(ORG, 1000, true, null);
        JsonPath receipt = Attendees.register(id, 1).then().statusCode(201).extract().jsonPath();
        return Stream.of(
                InputChecks.body("POST", "/api/v1/events/" + id + "/registrations", RestAssured::given,
                        Attendees.registration("GROUP", 2, Attendees.newPhone()))
                        .fields(ENUM, "kind").fields(INTEGER, "size")
                        .fields(TEXT, "name", "phone", "email", "organization").checks(),
                InputChecks.body("PUT", "/api/v1/registrations/" + receipt.getString("registration.id") + "/size",
                        () -> given().header("Registration-Token", receipt.getString("manageToken")), Map.of("size", 1))
                        .fields(INTEGER, "size").checks(),
                InputChecks.body("POST", "/api/v1/events/" + id + "/check-ins",
                        () -> given().auth().oauth2(Organizers.token(ORG)),
                        Map.of("registrationId", receipt.getString("registration.id")))
                        .fields(UUID, "registrationId").fields(TEXT, "code").checks(),
                InputChecks.query("/api/v1/events/" + id + "/registrations",
                        () -> given().auth().oauth2(Organizers.token(ORG))).integers("page", "size").checks())
                .flatMap(checks -> checks);
    }

    @TestFactory
    Stream<DynamicTest> searchRefusesBadParameters() {
        return InputChecks.query("/api/v1/events").integers("page", "size").decimals("lat", "lon", "radiusKm")
                .texts("q", "organizer").times("from", "to").checks();
    }

    @TestFactory
    Stream<DynamicTest> calendarFeedRefusesBadParameters() {
        return InputChecks.query("/api/v1/events/calendar.ics").decimals("lat", "lon", "radiusKm").texts("q")
                .times("from", "to").checks();
    }

    @Test
    void aNumberIsNotReadAsAnEnumPositionOrAnEpoch() {
        Map<String, Object> body = Organizers.event("科普日活动");
        body.put("type", 1);
        given().auth().oauth2(Organizers.token(ORG)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/validation-failed"))
                .body("errors[0].field", equalTo("type")).body("errors[0].message", containsString("LECTURE"));
        body = Organizers.event("科普日活动");
        body.put("startsAt", 1_716_000_000L);
        given().auth().oauth2(Organizers.token(ORG)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("startsAt"))
                .body("errors[0].message", containsString("ISO-8601"));
    }

    @Test
    void aFractionIsNotTruncated() {
        Map<String, Object> body = Organizers.event("科普日活动");
        body.put("capacity", 499.9);
        given().auth().oauth2(Organizers.token(ORG)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("capacity"))
                .body("errors[0].message", containsString("whole number"));
    }
}
