package org.kepu.reporting;

import static org.kepu.common.testing.InputChecks.Kind.DECIMAL;
import static org.kepu.common.testing.InputChecks.Kind.ENUM;
import static org.kepu.common.testing.InputChecks.Kind.INTEGER;
import static org.kepu.common.testing.InputChecks.Kind.LIST;
import static org.kepu.common.testing.InputChecks.Kind.OBJECT;
import static org.kepu.common.testing.InputChecks.Kind.TEXT;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kepu.common.testing.InputChecks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Wrong input to the reporting API is refused with a 400 naming the field, never reinterpreted. */
@QuarkusTest
class StrictInputTest {

    static final Map<String, Object> TASK = Map.of("number", 1, "title", "科技活动周", "text", "组织活动。", "units",
            List.of("市科技局"));

    @TestFactory
    Stream<DynamicTest> plansRefuseWrongJsonTypes() {
        return InputChecks.body("POST", "/api/v1/plans", () -> RestAssured.given().auth().oauth2(KpiTest.admin()),
                Map.of("year", 2030, "issuingBody", "测试局", "title", "输入检查计划", "sections",
                        List.of(Map.of("number", 1, "title", "一", "tasks", List.of(TASK)))))
                .fields(INTEGER, "year").fields(TEXT, "issuingBody", "title").fields(LIST, "sections").checks();
    }

    @TestFactory
    Stream<DynamicTest> completionReportsRefuseWrongJsonTypes() {
        String plan = RestAssured.given().auth().oauth2(KpiTest.admin()).contentType(ContentType.JSON)
                .body(Map.of("year", 2030, "issuingBody", "测试局", "title", "输入检查计划", "sections",
                        List.of(Map.of("number", 1, "title", "一", "tasks", List.of(TASK)))))
                .when().post("/api/v1/plans").then().statusCode(201).extract().path("id");
        return InputChecks.body("PUT", "/api/v1/plans/" + plan + "/tasks/1/reports/市科技局",
                () -> RestAssured.given().auth().oauth2(PlanTest.unit("市科技局")),
                Map.of("status", "DONE", "narrative", "完成", "eventsHeld", 1, "participants", 10, "figures",
                        Map.of("展板", "3"), "eventIds", List.of()))
                .fields(ENUM, "status").fields(TEXT, "narrative").fields(INTEGER, "eventsHeld", "participants")
                .fields(OBJECT, "figures").fields(LIST, "eventIds").checks();
    }

    @TestFactory
    Stream<DynamicTest> targetsRefuseWrongJsonTypes() {
        return InputChecks.body("PUT", "/api/v1/reports/targets/TOURING_STOPS/2035/NORTH",
                () -> RestAssured.given().auth().oauth2(KpiTest.admin()), Map.of("value", 3, "source", "测试"))
                .fields(DECIMAL, "value").fields(TEXT, "source").checks();
    }

    @TestFactory
    Stream<DynamicTest> themedDayDatesRefuseWrongJsonTypes() {
        return InputChecks.body("PUT", "/api/v1/reports/themed-days/science-week/2036",
                () -> RestAssured.given().auth().oauth2(KpiTest.admin()),
                Map.of("from", "2036-05-24", "to", "2036-05-31", "source", "测试")).fields(TEXT, "source").checks();
    }

    @TestFactory
    Stream<DynamicTest> overviewsRefuseBadParameters() {
        return Stream.of("/api/v1/reports/overview/events", "/api/v1/reports/overview/places",
                "/api/v1/reports/themed-days")
                .flatMap(path -> InputChecks.query(path).integers("year").checks());
    }

    @TestFactory
    Stream<DynamicTest> plansListRefusesBadParameters() {
        return InputChecks.query("/api/v1/plans", () -> RestAssured.given().auth().oauth2(KpiTest.analyst()))
                .integers("year").checks();
    }

}
