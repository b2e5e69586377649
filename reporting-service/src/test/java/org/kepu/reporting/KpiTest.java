package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kepu.common.security.DevTokenMinter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The plans' targets measured from facts sent through the real broker, as venue-service writes them. */
@QuarkusTest
class KpiTest {

    static final DevTokenMinter TOKENS = DevTokenMinter.fromEnvironment();

    @Inject
    DataSource db;

    static String analyst() {
        return TOKENS.token("analyst").role("analyst").sign();
    }

    static String admin() {
        return TOKENS.token("admin").role("admin").sign();
    }

    static void venue(String kind, String city, String certification) throws Exception {
        venue(UUID.randomUUID().toString(), kind, city, certification);
    }

    /** A venue fact, sent under {@code key} (venue-service keys by venue; one key keeps a test's facts in order). */
    static void venue(String key, String kind, String city, String certification) throws Exception {
        String id = UUID.randomUUID().toString();
        facts().send("kepu.venues", key, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.venue.certification-changed",
                 "subject":"%s","time":"2026-11-30T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":3,"nameZh":"测试场馆","kind":"%s","divisionCode":"%s","cityCode":"%s",
                         "economicRegion":"EAST","status":"ACTIVE"%s}}
                """.formatted(UUID.randomUUID(), id, id, kind, city.substring(0, 4) + "02", city,
                certification == null ? "" : ",\"certification\":" + certification));
    }

    static void stop(String unit, String region, String startsOn, boolean removed) throws Exception {
        String stop = UUID.randomUUID().toString();
        facts().send("kepu.tours", unit, """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.tour-stop.added",
                 "subject":"%s","time":"2026-11-30T01:00:00Z","datacontenttype":"application/json",
                 "data":{"tourId":"%s","unitId":"%s","name":"巡展","year":2031,"version":1,
                         "stop":{"id":"%s","divisionCode":"441882","cityCode":"441800","economicRegion":"%s",
                                 "startsOn":"%s","endsOn":"%s","setting":"SCHOOL","removed":%s}}}
                """.formatted(UUID.randomUUID(), unit, UUID.randomUUID(), unit, stop, region, startsOn, startsOn, removed));
    }

    static JsonPath kpis(int year) {
        return given().auth().oauth2(analyst()).queryParam("year", year).when().get("/api/v1/reports/kpis").then()
                .statusCode(200).extract().jsonPath();
    }

    static long actual(int year, String metric) {
        return kpis(year).getLong("items.find { it.metric == '" + metric + "' }.actual");
    }

    @Test
    void theSeededTargetsOf2024AreMeasuredWithTheirGapAndFreshness() throws Exception {
        long before = actual(2024, "PROVINCIAL_OR_HIGHER_BASES");
        String key = UUID.randomUUID().toString();
        venue(key, "EDUCATION_BASE", "445100",
                "{\"status\":\"CERTIFIED\",\"level\":\"PROVINCIAL\",\"validUntil\":\"2099-12-31\"}");
        venue(key, "EDUCATION_BASE", "445100",
                "{\"status\":\"CERTIFIED\",\"level\":\"NATIONAL\",\"validUntil\":\"2099-12-31\"}");
        venue(key, "EDUCATION_BASE", "445100",
                "{\"status\":\"CERTIFIED\",\"level\":\"MUNICIPAL\",\"validUntil\":\"2099-12-31\"}");
        venue(key, "EDUCATION_BASE", "445100",
                "{\"status\":\"SUSPENDED\",\"level\":\"PROVINCIAL\",\"validUntil\":\"2099-12-31\"}");
        venue(key, "EDUCATION_BASE", "445100",
                "{\"status\":\"CERTIFIED\",\"level\":\"PROVINCIAL\",\"validUntil\":\"2020-12-31\"}");
        // Once a later marker under the same key is applied, so is every base above: a miscount would show now.
        Markers.venues(facts(), db, key);
        JsonPath kpis = kpis(2024);
        Map<String, Object> bases = kpis.getMap("items.find { it.metric == 'PROVINCIAL_OR_HIGHER_BASES' }");
        assertEquals(before + 2, ((Number) bases.get("actual")).longValue());
        assertEquals(1000 - before - 2, ((Number) bases.get("gap")).longValue());
        assertEquals(false, bases.get("met"));
        assertNotNull(bases.get("freshAsOf"));
        assertEquals("EAST+WEST+NORTH",
                kpis.getString("items.find { it.metric == 'TOURING_STOPS' }.scope"));
        assertEquals(21,
                kpis.getInt("items.find { it.metric == 'CITIES_WITH_SCIENCE_MUSEUM' }.target"));
    }

    @Test
    void aBaseCountsForAYearOnlyIfItsCertificateIsInForceOnTheYearsLastDay() throws Exception {
        long before = actual(2024, "PROVINCIAL_OR_HIGHER_BASES");
        String key = UUID.randomUUID().toString();
        venue(key, "EDUCATION_BASE", "445100", certified("PROVINCIAL", "2030-01-01", "2034-12-31"));
        venue(key, "EDUCATION_BASE", "445100", certified("NATIONAL", "2025-01-01", "2029-12-31"));
        venue(key, "EDUCATION_BASE", "445100", certified("PROVINCIAL", "2020-01-01", "2024-12-31"));
        venue(key, "EDUCATION_BASE", "445100", certified("PROVINCIAL", "2020-01-01", "2024-12-30"));
        Markers.venues(facts(), db, key);
        // Only the one in force on 31 December 2024: not one that begins in 2030 or the next day, nor one ended before.
        assertEquals(before + 1, actual(2024, "PROVINCIAL_OR_HIGHER_BASES"));
    }

    static String certified(String level, String validFrom, String validUntil) {
        return "{\"status\":\"CERTIFIED\",\"level\":\"%s\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
                .formatted(level, validFrom, validUntil);
    }

    @Test
    void aCityWithAScienceMuseumLeavesTheListOfThoseWithout() throws Exception {
        venue("SCIENCE_MUSEUM", "441400", null);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> given().auth()
                .oauth2(analyst()).when().get("/api/v1/reports/cities-without-science-museum").then().extract()
                .jsonPath().getList("items.cityCode").stream().noneMatch("441400"::equals));
        given().auth().oauth2(analyst()).when().get("/api/v1/reports/cities-without-science-museum").then()
                .statusCode(200).body("items.cityCode", not(hasItem("441400")));
        String csv = given().auth().oauth2(analyst()).when().get("/api/v1/reports/cities-without-science-museum.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF城市代码,城市,经济区域,综合性科技馆数\r\n") && !csv.contains("441400,"), csv);
    }

    @Test
    void anAdminSetsATargetAndTouringStopsOutsideTheDeltaCount() throws Exception {
        String unit = UUID.randomUUID().toString();
        stop(unit, "NORTH", "2031-03-01", false);
        stop(unit, "EAST", "2031-04-01", false);
        stop(unit, "WEST", "2031-05-01", false);
        stop(unit, "PRD", "2031-06-01", false);
        stop(unit, "NORTH", "2031-07-01", true);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("value", 3, "source", "测试目标"))
                .when().put("/api/v1/reports/targets/TOURING_STOPS/2031/EAST+WEST+NORTH").then().statusCode(200)
                .body("target", equalTo(3)).body("source", equalTo("测试目标"));
        // Every stop above is applied once a later marker under the same unit is: the count is final.
        Markers.tours(facts(), db, unit);
        given().auth().oauth2(analyst()).queryParam("year", 2031).when().get("/api/v1/reports/kpis").then()
                .body("items.find { it.metric == 'TOURING_STOPS' }.actual", equalTo(3))
                .body("items.find { it.metric == 'TOURING_STOPS' }.met", equalTo(true))
                .body("items.find { it.metric == 'TOURING_STOPS' }.freshAsOf", notNullValue());

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("value", 3)).when()
                .put("/api/v1/reports/targets/TOURING_STOPS/2031/MARS").then().statusCode(400)
                .body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(Map.of("value", 3)).when()
                .put("/api/v1/reports/targets/TOURING_STOPS/2031/NORTH").then().statusCode(403);
        given().queryParam("year", 2024).when().get("/api/v1/reports/kpis").then().statusCode(401);
        List<String> metrics = kpis(2031).getList("items.metric");
        assertEquals(List.of("TOURING_STOPS"), metrics);

        byte[] xlsx = given().auth().oauth2(analyst()).queryParam("year", 2031).when()
                .get("/api/v1/reports/kpis.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            Row stops = workbook.getSheetAt(0).getRow(1);
            assertEquals("指标", header.getCell(0).getStringCellValue());
            assertEquals("巡展站点", stops.getCell(0).getStringCellValue());
            assertEquals("EAST+WEST+NORTH", stops.getCell(2).getStringCellValue());
            assertEquals(3.0, stops.getCell(3).getNumericCellValue());
            assertEquals(3.0, stops.getCell(4).getNumericCellValue());
            assertEquals("是", stops.getCell(6).getStringCellValue());
        }
        String csv = given().auth().oauth2(analyst()).queryParam("year", 2031).when()
                .get("/api/v1/reports/kpis.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF指标,年份,范围,目标值,实际值,差距,是否达成,依据,数据截至\r\n巡展站点,2031,EAST+WEST+NORTH,3"),
                csv);
        given().queryParam("year", 2031).when().get("/api/v1/reports/kpis.xlsx").then().statusCode(401);
    }
}
