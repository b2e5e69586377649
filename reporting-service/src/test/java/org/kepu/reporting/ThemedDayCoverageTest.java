package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Themed-day coverage and Guangzhou's science-week target, from events sent through the broker (Guangzhou in 2034:
 * ours alone in these tests).
 */
@QuarkusTest
class ThemedDayCoverageTest {

    @Inject
    DataSource db;

    static String token(String role) {
        return KpiTest.TOKENS.token("themed-" + role).role(role).sign();
    }

    static JsonPath coverage() {
        return given().queryParam("year", 2034).queryParam("scope", "440100").when()
                .get("/api/v1/reports/themed-days").then().statusCode(200).extract().jsonPath();
    }

    static String scienceWeek(String field) {
        return "days.find { it.key == 'science-week' }." + field;
    }

    @Test
    void aCitysDistrictsAreCoveredOnEachThemedDayAndItsScienceWeekTargetIsMeasured() throws Exception {
        // 2034's usual science week: 8 days from May's fourth Saturday, the 27th, to 3 June (Shanghai days).
        String key = java.util.UUID.randomUUID().toString();
        TestFacts.eventBy(facts(), key, "o", "440106", "PUBLISHED", "2034-05-28T10:00:00+08:00");
        TestFacts.eventBy(facts(), key, "o", "440113", "COMPLETED", "2034-06-03T23:30:00+08:00");
        TestFacts.eventBy(facts(), key, "o", "440114", "PUBLISHED", "2034-06-04T00:30:00+08:00");
        TestFacts.eventBy(facts(), key, "o", "440115", "CANCELLED", "2034-05-29T10:00:00+08:00");
        TestFacts.eventBy(facts(), key, "o", "440111", "PUBLISHED", "2034-05-21T10:00:00+08:00");
        // Once a later marker under the same key is applied, so is every event above: a miscount would show now.
        Markers.events(facts(), db, key);
        assertTrue(coverage().getInt(scienceWeek("areasCovered")) == 2, coverage().prettify());

        JsonPath coverage = coverage();
        assertTrue(coverage.getString("areaLevel").equals("COUNTY"), coverage.prettify());
        assertTrue(coverage.getInt(scienceWeek("areas")) == 11, coverage.prettify());
        assertTrue(coverage.getString(scienceWeek("from")).equals("2034-05-27")
                && coverage.getString(scienceWeek("to")).equals("2034-06-03")
                && !coverage.getBoolean(scienceWeek("announced")), coverage.prettify());
        assertTrue(coverage.getInt(scienceWeek("byArea.find { it.code == '440106' }.events")) == 1
                && coverage.getInt(scienceWeek("byArea.find { it.code == '440114' }.events")) == 0
                && coverage.getInt(scienceWeek("byArea.find { it.code == '440115' }.events")) == 0,
                coverage.prettify());
        assertTrue(coverage.getInt("days.size()") >= 26, coverage.prettify());

        // The target: every district runs its week; two of Guangzhou's eleven have.
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(Map.of("value", 1)).when()
                .put("/api/v1/reports/targets/SCIENCE_WEEK_DISTRICTS/2034/440100").then().statusCode(200)
                .body("target", equalTo(11)).body("actual", equalTo(2)).body("gap", equalTo(9))
                .body("met", equalTo(false)).body("freshAsOf", notNullValue());

        // The week's dates that year are announced as 20–27 May: coverage and the target follow them.
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("from", "2034-05-20", "to", "2034-05-27", "source", "测试公告")).when()
                .put("/api/v1/reports/themed-days/science-week/2034").then().statusCode(200)
                .body("announced", equalTo(true)).body("from", equalTo("2034-05-20"));
        coverage = coverage();
        assertTrue(coverage.getInt(scienceWeek("areasCovered")) == 1
                && coverage.getInt(scienceWeek("byArea.find { it.code == '440111' }.events")) == 1
                && coverage.getBoolean(scienceWeek("announced")), coverage.prettify());
        given().auth().oauth2(token("analyst")).queryParam("year", 2034).when().get("/api/v1/reports/kpis").then()
                .body("items.find { it.metric == 'SCIENCE_WEEK_DISTRICTS' }.actual", equalTo(1));

        String csv = given().queryParam("year", 2034).queryParam("scope", "440100").when()
                .get("/api/v1/reports/themed-days.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF主题日,开始日期,结束日期,地区代码,地区,活动数,是否覆盖\r\n"), csv);
        assertTrue(csv.contains("科技活动周,2034-05-20,2034-05-27,440111,白云区,1,是\r\n"), csv);
    }

    @Test
    void theProvinceIsCoveredCityByCityAndGuangzhouTwentyTwentyOneHasItsTarget() {
        JsonPath province = given().queryParam("year", 2021).when().get("/api/v1/reports/themed-days").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(province.getString("areaLevel").equals("CITY") && province.getInt(scienceWeek("areas")) == 21
                && province.getBoolean(scienceWeek("announced"))
                && province.getString(scienceWeek("from")).equals("2021-05-22"), province.prettify());
        given().auth().oauth2(token("analyst")).queryParam("year", 2021).when().get("/api/v1/reports/kpis").then()
                .statusCode(200).body("items.find { it.metric == 'SCIENCE_WEEK_DISTRICTS' }.scope", equalTo("440100"))
                .body("items.find { it.metric == 'SCIENCE_WEEK_DISTRICTS' }.target", equalTo(11));
    }

    @Test
    void aPlansUnitsAreMeasuredByTheEventsTheyHeldInScienceWeek() throws Exception {
        String a = "甲单位-" + java.util.UUID.randomUUID();
        String b = "乙单位-" + java.util.UUID.randomUUID();
        String plan = PlanTest.create(PlanTest.craftedPlan(a, b, b, "2035-11-30").replace("2030", "2035"));
        // 2035's usual science week: 26 May to 2 June.
        String key = java.util.UUID.randomUUID().toString();
        TestFacts.eventBy(facts(), key, a, "440106", "PUBLISHED", "2035-05-27T10:00:00+08:00");
        TestFacts.eventBy(facts(), key, b, "440106", "PUBLISHED", "2035-06-10T10:00:00+08:00");
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(Map.of("value", 1, "source", "测试"))
                .when().put("/api/v1/reports/targets/SCIENCE_WEEK_UNITS/2035/" + plan).then().statusCode(200)
                .body("target", equalTo(2));
        // b's event, outside the week, must not count: a later marker under the same key shows it has arrived.
        Markers.events(facts(), db, key);
        given().auth().oauth2(token("analyst")).queryParam("year", 2035).when().get("/api/v1/reports/kpis").then()
                .body("items.find { it.metric == 'SCIENCE_WEEK_UNITS' }.actual", equalTo(1))
                .body("items.find { it.metric == 'SCIENCE_WEEK_UNITS' }.gap", equalTo(1));
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(Map.of("value", 1)).when()
                .put("/api/v1/reports/targets/SCIENCE_WEEK_UNITS/2035/" + java.util.UUID.randomUUID()).then()
                .statusCode(400).body("errors[0].field", equalTo("scope"));
    }

    @Test
    void datesAreRecordedOnlyByAdminsForKnownDaysInOrder() {
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("from", "2035-05-27", "to", "2035-05-20")).when()
                .put("/api/v1/reports/themed-days/science-week/2035").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("from", "2035-05-20", "to", "2035-05-27")).when()
                .put("/api/v1/reports/themed-days/talk-like-a-pirate-day/2035").then().statusCode(404);
        given().auth().oauth2(token("analyst")).contentType(ContentType.JSON)
                .body(Map.of("from", "2035-05-20", "to", "2035-05-27")).when()
                .put("/api/v1/reports/themed-days/science-week/2035").then().statusCode(403);
        given().queryParam("year", 2035).queryParam("scope", "MARS").when().get("/api/v1/reports/themed-days").then()
                .statusCode(400).body("errors[0].field", equalTo("scope"));
    }
}
