package org.kepu.events;

import org.kepu.common.testing.TestSeed;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.vocabulary.Audience;
import org.kepu.events.domain.EventType;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A near-me list is in ascending distanceKm as shown, ties by id, on every page. */
@QuarkusTest
@ExtendWith(TestSeed.class)
class NearMeOrderTest {

    static final double KM_PER_DEGREE = 111.195;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pointsAtNearlyEqualDistancesComeBackInTheOrderOfTheirDistances() {
        // In the north of the province the index's plane makes east-west distances about 1.3 % longer than they are:
        // a point 3 m nearer to the east sorts after one to the north unless the exact distance decides.
        Random random = TestSeed.random("pointsAtNearlyEqualDistancesComeBackInTheOrderOfTheirDistances");
        double lat = 25.0 + random.nextDouble(0.2);
        double lon = 113.2 + random.nextDouble(0.2);
        String org = Organizers.newOrg();
        for (int i = 0; i < 12; i++) {
            double km = 0.500 + 0.003 * i;
            boolean east = i % 2 == 0;
            Organizers.publish(org, away(Organizers.event("韶关科普角 " + i), "440200", lat, lon, km, east));
        }
        for (int twin = 0; twin < 3; twin++) { // same spot: equal distances, ordered by id
            Organizers.publish(org, away(Organizers.event("韶关科普角 同址 " + twin), "440200", lat, lon, 0.51, false));
        }

        List<Map<String, Object>> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            List<Map<String, Object>> items = given().queryParam("lat", lat).queryParam("lon", lon)
                    .queryParam("radiusKm", 1).queryParam("organizer", org).queryParam("page", page)
                    .queryParam("size", 4).when().get("/api/v1/events").then().statusCode(200).extract().path("items");
            seen.addAll(items);
        }
        assertEquals(15, seen.size());
        assertInShownOrder(seen);
    }

    /**
     * More points than the count's cap, a metre apart: the first pages come from the count's own walk of the index, the
     * pages near the cap from the ring read again (the walk stops short of it), the last from the walk once it holds
     * every match. Together they list every point once, in order, each page saying the same total.
     */
    @Test
    void aListLongerThanTheCountsCapPagesInOrderWithoutGapsOrRepeats() {
        Random random = TestSeed.random("aListLongerThanTheCountsCapPagesInOrderWithoutGapsOrRepeats");
        double lat = 24.0 + random.nextDouble(0.2);
        double lon = 115.0 + random.nextDouble(0.2);
        String org = Organizers.newOrg();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            double km = 0.500 + 0.001 * i;
            boolean east = i % 3 == 0;
            published.add(Organizers.publish(org, away(Organizers.event("梅州科普点 " + i), "441400", lat, lon, km, east)));
        }

        List<Map<String, Object>> seen = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            Map<String, Object> answer = given().queryParam("lat", lat).queryParam("lon", lon)
                    .queryParam("radiusKm", 2).queryParam("organizer", org).queryParam("page", page)
                    .queryParam("size", 20).when().get("/api/v1/events").then().statusCode(200).extract().path("");
            assertEquals(100, ((Number) answer.get("total")).intValue(), "total on page " + page);
            assertEquals(true, answer.get("totalCapped"), "more than the cap, on page " + page);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            assertEquals(page < 5 ? 20 : 5, items.size(), "items on page " + page);
            seen.addAll(items);
        }
        assertEquals(published.size(), seen.stream().map(item -> item.get("id")).distinct().count());
        assertTrue(seen.stream().map(item -> item.get("id")).toList().containsAll(published));
        assertInShownOrder(seen);
    }

    /**
     * Upcoming near me with a type or an audience names it as a literal (so that V15's index for that value answers):
     * the list holds only the events of that type or audience, nearest first, and the total counts only them.
     */
    @Test
    void upcomingNearMeWithATypeOrAnAudienceListsOnlyTheEventsItKeeps() {
        Random random = TestSeed.random("upcomingNearMeWithATypeOrAnAudienceListsOnlyTheEventsItKeeps");
        double lat = 22.2 + random.nextDouble(0.2);
        double lon = 111.6 + random.nextDouble(0.2);
        String org = Organizers.newOrg();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(10).withNano(0);
        List<String> lectures = new ArrayList<>();
        List<String> forFarmers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Map<String, Object> body = away(Organizers.event("阳江科普点 " + i), "441702", lat, lon, 0.3 + 0.1 * i,
                    i % 2 == 0);
            body.put("startsAt", start.toString());
            body.put("endsAt", start.plusHours(3).toString());
            body.put("type", i % 3 == 0 ? "LECTURE" : "EXHIBITION");
            body.put("audiences", i % 4 == 0 ? List.of("FARMERS", "ELDERLY") : List.of("YOUTH"));
            String id = Organizers.publish(org, body);
            if (i % 3 == 0) {
                lectures.add(id);
            }
            if (i % 4 == 0) {
                forFarmers.add(id);
            }
        }
        assertNearest(lat, lon, org, Map.of("type", "LECTURE"), lectures);
        assertNearest(lat, lon, org, Map.of("audience", "FARMERS"), forFarmers);
        assertNearest(lat, lon, org, Map.of("type", "LECTURE", "audience", "FARMERS"), List.of(lectures.get(0)));
    }

    private static void assertNearest(double lat, double lon, String org, Map<String, String> filter,
            List<String> expected) {
        Map<String, Object> answer = given().queryParam("lat", lat).queryParam("lon", lon).queryParam("radiusKm", 5)
                .queryParam("organizer", org).queryParam("from", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .queryParams(filter).when().get("/api/v1/events").then().statusCode(200).extract().path("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        assertEquals(expected, items.stream().map(item -> item.get("id")).toList(), "nearest first for " + filter);
        assertEquals(expected.size(), ((Number) answer.get("total")).intValue(), "total for " + filter);
        assertInShownOrder(items);
    }

    /** A type or audience added to the vocabulary needs its near index in a migration, as V15 made them. */
    @Test
    void everyTypeAndEveryAudienceHasItsUpcomingNearIndex() throws SQLException {
        Set<String> indexes = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT indexname FROM pg_indexes WHERE tablename = 'event' AND indexname LIKE 'event_upcoming_near_%'")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        for (EventType type : EventType.values()) {
            assertTrue(indexes.contains("event_upcoming_near_type_" + type.name().toLowerCase()), type.name());
        }
        for (Audience audience : Audience.values()) {
            assertTrue(indexes.contains("event_upcoming_near_audience_" + audience.name().toLowerCase()),
                    audience.name());
        }
    }

    /** {@code body} placed in {@code county}, {@code km} east or north of (lat, lon). */
    private static Map<String, Object> away(Map<String, Object> body, String county, double lat, double lon, double km,
            boolean east) {
        body.put("divisionCode", county);
        body.put("latitude", east ? lat : lat + km / KM_PER_DEGREE);
        body.put("longitude", east ? lon + km / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat))) : lon);
        return body;
    }

    /** Ascending distanceKm as shown, equal ones by id. */
    private static void assertInShownOrder(List<Map<String, Object>> seen) {
        for (int i = 1; i < seen.size(); i++) {
            double before = ((Number) seen.get(i - 1).get("distanceKm")).doubleValue();
            double after = ((Number) seen.get(i).get("distanceKm")).doubleValue();
            assertTrue(before < after || before == after
                    && seen.get(i - 1).get("id").toString().compareTo(seen.get(i).get("id").toString()) < 0,
                    "out of order at " + i + ": " + seen.get(i - 1) + " then " + seen.get(i));
        }
    }
}
