package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A near-me list is in ascending distanceKm as shown, ties by id, on every page. */
@QuarkusTest
class NearMeOrderTest {

    static final double KM_PER_DEGREE = 111.195;

    @Test
    void pointsAtNearlyEqualDistancesComeBackInTheOrderOfTheirDistances() {
        // In the north of the province the index's plane makes east-west distances about 1.3 % longer than they are:
        // a point 3 m nearer to the east sorts after one to the north unless the exact distance decides.
        double lat = 25.0 + ThreadLocalRandom.current().nextDouble(0.2);
        double lon = 113.2 + ThreadLocalRandom.current().nextDouble(0.2);
        String org = Organizers.newOrg();
        for (int i = 0; i < 12; i++) {
            double km = 0.500 + 0.003 * i;
            boolean east = i % 2 == 0;
            Map<String, Object> body = Organizers.event("韶关科普角 " + i);
            body.put("divisionCode", "440200");
            body.put("latitude", east ? lat : lat + km / KM_PER_DEGREE);
            body.put("longitude", east ? lon + km / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat))) : lon);
            Organizers.publish(org, body);
        }
        for (int twin = 0; twin < 3; twin++) { // same spot: equal distances, ordered by id
            Map<String, Object> body = Organizers.event("韶关科普角 同址 " + twin);
            body.put("divisionCode", "440200");
            body.put("latitude", lat + 0.51 / KM_PER_DEGREE);
            body.put("longitude", lon);
            Organizers.publish(org, body);
        }

        List<Map<String, Object>> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            List<Map<String, Object>> items = given().queryParam("lat", lat).queryParam("lon", lon)
                    .queryParam("radiusKm", 1).queryParam("organizer", org).queryParam("page", page)
                    .queryParam("size", 4).when().get("/api/v1/events").then().statusCode(200).extract().path("items");
            seen.addAll(items);
        }
        assertEquals(15, seen.size());
        for (int i = 1; i < seen.size(); i++) {
            double before = ((Number) seen.get(i - 1).get("distanceKm")).doubleValue();
            double after = ((Number) seen.get(i).get("distanceKm")).doubleValue();
            assertTrue(before < after || before == after
                    && seen.get(i - 1).get("id").toString().compareTo(seen.get(i).get("id").toString()) < 0,
                    "out of order at " + i + ": " + seen);
        }
    }
}
