package org.kepu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A rebuild over a topic that lost its first fact refuses with a problem naming the topic, the partition and the
 * offset its history starts at, and swaps nothing; an admin who accepts the loss gets a rebuild that leaves the fact
 * out and says so. The tours feed reads a copy of kepu.tours made for this test (one fact of our own, 2089's touring
 * stop, before the copied ones), so the fact is deleted from the copy only, and the rebuilt tours equal the live ones
 * but for that stop.
 */
@QuarkusTest
@TestProfile(RebuildWithLostHistoryTest.ToursFromACopy.class)
class RebuildWithLostHistoryTest {

    /** The tours channel reads a fresh copy of kepu.tours whose partition 0 starts with the 2089 stop. */
    public static class ToursFromACopy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CopyOfTours.class));
        }
    }

    /** Makes the copy before the service starts, and deletes it when the service stops. */
    public static class CopyOfTours implements QuarkusTestResourceLifecycleManager {

        private LostHistory kafka;
        private String topic;

        @Override
        public Map<String, String> start() {
            try {
                kafka = new LostHistory(
                        "127.0.0.1:" + System.getenv().getOrDefault("KEPU_TEST_KAFKA_PORT", "19092"));
                topic = kafka.createTopic("tours-copy", kafka.partitions("kepu.tours"));
                kafka.write(topic, 0, List.of(stopIn2089()));
                kafka.copy("kepu.tours", topic);
                return Map.of("mp.messaging.incoming.tour-facts.topic", topic);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            try {
                kafka.deleteTopic(topic);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                kafka.close();
            }
        }

        private static String stopIn2089() {
            String unit = UUID.randomUUID().toString();
            return """
                    {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.tour-stop.added",
                     "subject":"%s","time":"2089-01-01T01:00:00Z","datacontenttype":"application/json",
                     "data":{"tourId":"%s","unitId":"%s","name":"巡展","year":2089,"version":1,
                             "stop":{"id":"%s","divisionCode":"441302","cityCode":"441300","economicRegion":"PRD",
                                     "startsOn":"2089-04-01","endsOn":"2089-04-02","setting":"COMMUNITY",
                                     "visitors":10,"removed":false}}}
                    """.formatted(UUID.randomUUID(), unit, UUID.randomUUID(), unit, UUID.randomUUID());
        }
    }

    @ConfigProperty(name = "mp.messaging.incoming.tour-facts.topic")
    String copy;

    @Inject
    AgroalDataSource dataSource;

    static int stopsIn2089() {
        return given().queryParam("year", 2089).when().get("/api/v1/reports/overview/places").then().statusCode(200)
                .extract().jsonPath().getList("stopsByRegion").size();
    }

    @Test
    void aRebuildThatCannotSeeATopicsWholeHistoryRefusesUnlessTheAdminAcceptsTheLoss() throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> stopsIn2089() == 1);
        try (LostHistory kafka = new LostHistory(TopicHistoryTest.bootstrapServers())) {
            kafka.deleteBefore(copy, 0, 1);
        }

        given().auth().oauth2(KpiTest.admin()).when().post("/api/v1/reports/rebuilds").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/rebuild-history-incomplete"))
                .body("detail", containsString(copy + " partition 0 starts at offset 1 "));
        assertEquals(0, rebuildSchemas(), "a refused rebuild starts nothing");
        assertEquals(1, stopsIn2089(), "the live figures keep the fact");
        given().auth().oauth2(KpiTest.admin()).queryParam("acceptMissingHistory", "maybe").when()
                .post("/api/v1/reports/rebuilds").then().statusCode(400)
                .body("errors[0].field", equalTo("acceptMissingHistory"));

        String location = given().auth().oauth2(KpiTest.admin()).queryParam("acceptMissingHistory", true).when()
                .post("/api/v1/reports/rebuilds").then().statusCode(202).body("missingHistory[0].topic", equalTo(copy))
                .body("missingHistory[0].partition", equalTo(0)).body("missingHistory[0].startsAt", equalTo(1))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"RUNNING".equals(given().auth().oauth2(KpiTest.admin()).when().get(location).then()
                        .statusCode(200).extract().path("state")));
        JsonPath rebuild = given().auth().oauth2(KpiTest.admin()).when().get(location).then().extract().jsonPath();
        assertEquals("SWAPPED", rebuild.getString("state"), rebuild.prettify());
        assertEquals(copy, rebuild.getString("missingHistory[0].topic"));
        assertEquals(0, stopsIn2089(), "the accepted rebuild counts only the facts left");
    }

    private long rebuildSchemas() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'kepu_rebuild'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
