package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kepu.system.Gateway.PUBLISHED_EVENTS_BY_CITY;
import static org.kepu.system.Gateway.VENUES_BY_CITY;
import static org.kepu.system.Gateway.cityCount;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/** The walking skeleton: a change made through the gateway reaches the dashboard through Kafka. */
@ExtendWith(KepuSystem.class)
class WalkingSkeletonTest {

    @Test
    void aPublishedEventRaisesItsCitysCountOnTheDashboard() {
        long before = cityCount(PUBLISHED_EVENTS_BY_CITY, "441400");

        Gateway.publishEvent("org-" + UUID.randomUUID(), "441402");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, "441400") == before + 1);
    }

    @Test
    void aDraftIsNotCounted() throws InterruptedException {
        long before = cityCount(PUBLISHED_EVENTS_BY_CITY, "441700");
        given().auth().oauth2(Gateway.organizer("org-draft")).contentType(ContentType.JSON)
                .body(Map.of("titleZh", "未发布的讲座", "type", "LECTURE", "startsAt", "2024-07-01T09:00:00+08:00",
                        "endsAt", "2024-07-01T11:00:00+08:00", "divisionCode", "441702"))
                .when().post("/api/v1/events").then().statusCode(201);
        // A published event in the same city afterwards: once it shows, anything the draft could have caused has too.
        Gateway.publishEvent("org-" + UUID.randomUUID(), "441702");
        await().atMost(Duration.ofSeconds(10)).until(() -> cityCount(PUBLISHED_EVENTS_BY_CITY, "441700") >= before + 1);
        assertEquals(before + 1, cityCount(PUBLISHED_EVENTS_BY_CITY, "441700"));
    }

    @Test
    void aRegisteredVenueRaisesItsCitysVenueCount() {
        long before = cityCount(VENUES_BY_CITY, "440200");
        given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "韶关市科技馆 " + UUID.randomUUID(), "kind", "SCIENCE_MUSEUM", "divisionCode",
                        "440203", "latitude", 24.8029, "longitude", 113.5972))
                .when().post("/api/v1/venues").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> cityCount(VENUES_BY_CITY, "440200") == before + 1);
    }

    @Test
    void anEventAtARegisteredVenueTakesItsPlaceAndAnUnknownVenueIsRefused() {
        String venue = given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "肇庆市科技馆 " + UUID.randomUUID(), "kind", "SCIENCE_MUSEUM", "divisionCode",
                        "441202", "latitude", 23.0472, "longitude", 112.4651))
                .when().post("/api/v1/venues").then().statusCode(201).extract().path("id");
        Map<String, Object> atVenue = Map.of("titleZh", "走进肇庆市科技馆", "type", "LECTURE", "startsAt",
                "2024-07-01T09:00:00+08:00", "endsAt", "2024-07-01T11:00:00+08:00", "venueId", venue);
        String organizer = Gateway.organizer("org-" + UUID.randomUUID());

        // event-service learns of the venue from its fact on Kafka, about a second after it was registered
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(organizer).contentType(ContentType.JSON).body(atVenue)
                        .when().post("/api/v1/events").then().extract().statusCode() == 201);
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(atVenue).when().post("/api/v1/events")
                .then().statusCode(201).body("venueId", equalTo(venue)).body("divisionCode", equalTo("441202"))
                .body("cityCode", equalTo("441200")).body("latitude", equalTo(23.0472f));

        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("titleZh", "走进不存在的科技馆", "type", "LECTURE", "startsAt", "2024-07-01T09:00:00+08:00",
                        "endsAt", "2024-07-01T11:00:00+08:00", "venueId", UUID.randomUUID().toString()))
                .when().post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("venueId"));
    }

    @Test
    void wrongInputIsRefusedNamingTheFieldThroughTheGateway() {
        given().urlEncodingEnabled(false).when().get("/api/v1/events?page=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().urlEncodingEnabled(false).when().get("/api/v1/events?q=%FF").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).when().get("/api/v1/venues?size=5&size=6").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(Gateway.organizer("org-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("titleZh", "科普讲座", "type", 1, "startsAt", "2024-07-01T09:00:00+08:00", "endsAt",
                        "2024-07-01T11:00:00+08:00", "divisionCode", "441702"))
                .when().post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void writesNeedAValidTokenAtTheGateway() {
        given().contentType(ContentType.JSON).body(Map.of("titleZh", "匿名")).when().post("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
        given().auth().oauth2("not-a-token").when().get("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
        String expired = Gateway.TOKENS.token("late").role("admin").lifetimeSeconds(-60).sign();
        given().auth().oauth2(expired).when().get("/api/v1/venues").then().statusCode(401);
    }

    @Test
    void theGatewayStampsAndEchoesRequestIds() {
        given().header("X-Request-Id", "trace-123").when().get("/api/v1/events").then().statusCode(200)
                .header("X-Request-Id", "trace-123");
        given().when().get("/api/v1/venues").then().statusCode(200).header("X-Request-Id", notNullValue());
    }

    @Test
    void unknownApiPathsAreProblems() {
        given().when().get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void theMergedOpenApiDocumentHasEveryServicesPaths() {
        given().when().get("/openapi.json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/events"))
                .body("paths", hasKey("/api/v1/venues"))
                .body("paths", hasKey("/api/v1/reports/events/published-by-city"))
                .body("components.securitySchemes", hasKey("bearer"));
    }

    /** An integrator reads in the document how far a public search counts, and what to show past it. */
    @Test
    void theDocumentSaysHowFarAPublicSearchCounts() {
        given().when().get("/openapi.json").then().statusCode(200)
                .body("components.schemas.PageEventView.properties.total.description", containsString("exact up to 100"))
                .body("components.schemas.PageEventView.properties.totalCapped.description", containsString("100+"))
                .body("components.schemas.PageVenueView.properties.total.description", containsString("exact up to 100"));
    }
}
