package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An admin loads Guangzhou's 2021 plan, a responsible unit reports on its task with an event it held in Kepu, and an
 * analyst follows the plan and the year's figures and exports them: all through the gateway.
 */
@ExtendWith(KepuSystem.class)
class PlansAndReportsThroughTheGatewayTest {

    static final String PLAN = "../reporting-service/src/main/resources/org/kepu/reporting/plans/guangzhou-2021.json";

    static String analyst() {
        return Gateway.TOKENS.token("analyst").role("analyst").sign();
    }

    @Test
    void aUnitReportsOnItsTaskWithItsEventAndAnAnalystFollowsThePlan() throws Exception {
        String plan = given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON)
                .body(Files.readString(Path.of(PLAN))).when().post("/api/v1/plans").then().statusCode(201)
                .extract().path("id");
        // 市科协 held its science day in Kepu; once the event's fact reaches the reports, the report may cite it.
        String event = Gateway.publishEvent("市科协", "440106");
        String unit = Gateway.organizer("市科协");
        Map<String, Object> report = Map.of("status", "DONE", "narrative", "全国科普日系列活动", "eventsHeld", 1,
                "participants", 3000, "eventIds", List.of(event));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(unit).contentType(ContentType.JSON).body(report).when()
                        .put("/api/v1/plans/" + plan + "/tasks/2/reports/市科协").then().extract()
                        .statusCode() == 201);
        given().auth().oauth2(Gateway.organizer("市科技局")).when()
                .get("/api/v1/plans/" + plan + "/tasks/2/reports/市科协").then().statusCode(403);
        given().when().get("/api/v1/plans/" + plan).then().statusCode(401);

        JsonPath progress = given().auth().oauth2(analyst()).when().get("/api/v1/plans/" + plan + "/progress")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, progress.getInt("byTask.find { it.number == 2 }.done"));
        assertEquals(1, progress.getInt("reportsIn"));
        given().auth().oauth2(analyst()).when().get("/api/v1/plans/" + plan + "/progress.xlsx").then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        given().auth().oauth2(unit).when().get("/api/v1/plans/to-do?year=2021").then().statusCode(200)
                .body("items.taskNumber", hasItem(5));

        // The year's dashboards, anonymous, and the targets, for analysts.
        given().queryParam("year", 2024).queryParam("scope", "EAST+WEST+NORTH").when()
                .get("/api/v1/reports/themed-days").then().statusCode(200).body("scope", equalTo("EAST+WEST+NORTH"));
        given().queryParam("year", 2024).when().get("/api/v1/reports/overview/events.csv").then().statusCode(200);
        given().auth().oauth2(analyst()).queryParam("year", 2024).when().get("/api/v1/reports/kpis.xlsx").then()
                .statusCode(200);
        given().queryParam("year", 2024).when().get("/api/v1/reports/kpis").then().statusCode(401);
    }
}
