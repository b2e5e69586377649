package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * A partner agency pushes its events through the gateway; they are ordinary public events, with their source shown,
 * and the province's dashboards count them.
 */
@ExtendWith(KepuSystem.class)
class PartnerPushThroughTheGatewayTest {

    @Test
    void pushedEventsArePublicAndCounted() {
        String partner = "e-station-" + UUID.randomUUID();
        String token = Gateway.TOKENS.token("push@" + partner).role("partner").partner(partner).sign();
        long before = Gateway.cityCount(Gateway.PUBLISHED_EVENTS_BY_CITY, "445100");
        List<Map<String, Object>> items = List.of(item("cz-1", "潮州科普e站·防灾讲座"), item("cz-2", "潮州科普e站·健康讲座"));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("items", items)).when()
                .post("/api/v1/partner-events").then().statusCode(200).body("summary.created", equalTo(2)).extract()
                .path("items[0].id");
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("partnerId", equalTo(partner))
                .body("externalId", equalTo("cz-1"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.cityCount(Gateway.PUBLISHED_EVENTS_BY_CITY, "445100") == before + 2);
        // Pushed again, nothing changes.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("items", items)).when()
                .post("/api/v1/partner-events").then().statusCode(200).body("summary.unchanged", equalTo(2));
        given().auth().oauth2(token).when().get("/api/v1/partner-events/cz-2").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
    }

    static Map<String, Object> item(String externalId, String title) {
        return Map.of("externalId", externalId, "state", "PUBLISHED", "event",
                Map.of("titleZh", title, "type", "LECTURE", "startsAt", "2024-06-01T09:00:00+08:00", "endsAt",
                        "2024-06-01T11:00:00+08:00", "divisionCode", "445102"));
    }
}
