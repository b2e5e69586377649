package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A rebuild replays every topic of the (shared) test broker into fresh tables and swaps them in: the rebuilt read models
 * equal the incrementally built ones row for row, reads never fail or go back meanwhile, and the live consumers carry
 * on afterwards. Year 2037 is ours alone.
 */
@QuarkusTest
class RebuildTest {

    static final List<String> READ_MODELS = List.of("event_summary", "registration_summary", "venue_summary",
            "booking_summary", "tour_stop_summary");

    @Inject
    AgroalDataSource dataSource;

    static long total() {
        return given().queryParam("year", 2037).when().get("/api/v1/reports/overview/events").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    /**
     * Each read model's rows (but when they and their registrations were applied), as a count and a digest, leaving
     * out one event.
     */
    Map<String, String> fingerprints(String leaveOut) throws Exception {
        Map<String, String> prints = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : READ_MODELS) {
                String where = "event_summary".equals(table) ? " WHERE t.event_id::text <> '" + leaveOut + "'" : "";
                try (ResultSet row = sql.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(x, ','"
                        + " ORDER BY x)), '') FROM (SELECT (to_jsonb(t) - 'updated_at' - 'participants_fresh')::text AS x FROM "
                        + table
                        + " t" + where + ") s")) {
                    row.next();
                    prints.put(table, row.getString(1));
                }
            }
        }
        return prints;
    }

    @Test
    void theRebuiltReadModelsEqualTheIncrementalOnesAndReadsNeverPause() throws Exception {
        String lecture = TestFacts.eventIn(facts(), "440106", "COMPLETED", "2037-05-28T10:00:00+08:00");
        TestFacts.registration(facts(), lecture, UUID.randomUUID().toString(), 2, 3, "CONFIRMED", true);
        TestFacts.eventIn(facts(), "445102", "PUBLISHED", "2037-09-18T10:00:00+08:00");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> total() == 2
                && given().queryParam("year", 2037).when().get("/api/v1/reports/overview/events").then().extract()
                        .jsonPath().getLong("participants.checkedInPeople") == 3);
        // Every fact sent before, by any test, is applied once a marker on every partition after it is.
        Markers.everywhere(facts(), dataSource,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        Map<String, String> incremental = fingerprints("none");

        // Readers keep reading through the rebuild: every answer must be a 200 with the figures as they were (or,
        // once the late event below is in, one more).
        AtomicBoolean reading = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                JsonPath overview = given().queryParam("year", 2037).when().get("/api/v1/reports/overview/events")
                        .then().extract().jsonPath();
                seen.add(overview.getString("status") == null ? "total=" + overview.getLong("total") : "error");
            }
        });
        reader.start();

        String location = given().auth().oauth2(KpiTest.admin()).when().post("/api/v1/reports/rebuilds").then()
                .statusCode(202).body("state", equalTo("RUNNING")).extract().header("Location");
        String late = TestFacts.eventIn(facts(), "440106", "PUBLISHED", "2037-10-01T10:00:00+08:00");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"RUNNING".equals(given().auth().oauth2(KpiTest.admin()).when().get(location).then()
                        .statusCode(200).extract().path("state")));
        JsonPath rebuild = given().auth().oauth2(KpiTest.admin()).when().get(location).then().extract().jsonPath();
        assertEquals("SWAPPED", rebuild.getString("state"), rebuild.prettify());
        assertTrue(rebuild.getLong("factsApplied") >= 4, rebuild.prettify());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> total() == 3);
        reading.set(false);
        reader.join();
        assertTrue(seen.contains("total=2") && Set.of("total=2", "total=3").containsAll(seen), "readers saw " + seen);
        assertEquals(incremental, fingerprints(late));

        // The live consumers carry on against the new tables.
        TestFacts.eventIn(facts(), "440106", "PUBLISHED", "2037-11-01T10:00:00+08:00");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> total() == 4);
        // Nothing is left of the rebuild's schemas, and the new tables' indexes have the names migrations know.
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'kepu_re%'")) {
                row.next();
                assertEquals(0, row.getInt(1));
            }
            try (ResultSet row = sql.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"
                    + " AND indexname IN ('event_summary_by_city', 'event_summary_by_start', 'event_summary_pkey')")) {
                row.next();
                assertEquals(3, row.getInt(1));
            }
        }
    }

    @Test
    void onlyAdminsRebuild() {
        given().auth().oauth2(KpiTest.analyst()).when().post("/api/v1/reports/rebuilds").then().statusCode(403);
        given().when().post("/api/v1/reports/rebuilds").then().statusCode(401);
        given().auth().oauth2(KpiTest.admin()).when().get("/api/v1/reports/rebuilds/" + UUID.randomUUID()).then()
                .statusCode(404);
    }
}
