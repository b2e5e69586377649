package org.kepu.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Annual plans, their units' completion reports, progress, the overdue list and the to-do list, through the API. */
@QuarkusTest
class PlanTest {

    static String admin() {
        return KpiTest.admin();
    }

    static String analyst() {
        return KpiTest.analyst();
    }

    static String unit(String org) {
        return KpiTest.TOKENS.token("plan-" + org).role("organizer").organization(org).sign();
    }

    static String reference(String file) throws Exception {
        try (InputStream in = PlanTest.class.getResourceAsStream("/org/kepu/reporting/plans/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String create(String body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).when().post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.Response report(String plan, int task, String unit, String token, Object body,
            String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/plans/" + plan + "/tasks/" + task + "/reports/" + unit);
    }

    /** A small plan: task 1 names A and B, task 2 names A (who leads), task 3 names B and C. */
    static String craftedPlan(String a, String b, String c, String dueOn) {
        return """
                {"year":2030,"issuingBody":"测试科技局","title":"测试计划","dueOn":"%s","sections":[
                  {"number":1,"title":"一、活动","tasks":[
                    {"number":1,"title":"科技活动周","text":"组织活动。","units":["%s","%s"]},
                    {"number":2,"title":"科普日","text":"组织活动。","units":["%s"],"leadUnit":"%s"}]},
                  {"number":2,"title":"二、阵地","tasks":[
                    {"number":3,"title":"科普基地","text":"认定基地。","units":["%s","%s"]}]}]}
                """.formatted(dueOn, a, b, a, a, b, c);
    }

    @Test
    void theSeedPlansLoadWithTheirSectionsTasksAndUnits() throws Exception {
        JsonPath guangzhou = given().auth().oauth2(analyst()).when()
                .get("/api/v1/plans/" + create(reference("guangzhou-2021.json"))).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(4, guangzhou.getInt("sections.size()"));
        assertEquals(26, guangzhou.getList("sections.tasks.flatten()").size());
        assertEquals(List.of("市科技局", "市各有关单位", "各区科技部门"), guangzhou.getList("sections[0].tasks[0].units"));
        assertEquals("各区科技部门", guangzhou.getString("sections[0].tasks[0].leadUnit"));
        assertEquals("市教育局", guangzhou.getString("sections[1].tasks.find { it.number == 11 }.leadUnit"));
        assertEquals("2021-11-30", guangzhou.getString("dueOn"));

        JsonPath guangdong = given().auth().oauth2(analyst()).when()
                .get("/api/v1/plans/" + create(reference("guangdong-2024.json"))).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(6, guangdong.getInt("sections.size()"));
        assertEquals(16, guangdong.getList("sections.tasks.flatten()").size());
        assertEquals(List.of("省科协", "省教育厅", "省卫健委", "省林业局"),
                guangdong.getList("sections[0].tasks.find { it.number == 4 }.units"));
        assertTrue(guangdong.getList("sections.tasks.flatten().leadUnit").stream().allMatch("省科协"::equals));
        given().auth().oauth2(analyst()).queryParam("year", 2024).when().get("/api/v1/plans").then().statusCode(200)
                .body("items.title", hasItem("2024年广东省科协科普工作要点"));
    }

    @Test
    void aUnitReadsAndWritesOnlyItsOwnReportsOnTasksThatNameIt() throws Exception {
        String plan = create(reference("guangzhou-2021.json"));
        Map<String, Object> done = Map.of("status", "DONE", "narrative", "举办全国科普日系列活动", "eventsHeld", 12,
                "participants", 5200, "figures", Map.of("发放资料（份）", "3000"));
        String etag = report(plan, 2, "市科协", unit("市科协"), done, null).then().statusCode(201)
                .body("unit", equalTo("市科协")).body("statusLabel", equalTo("已完成"))
                .body("figures.'发放资料（份）'", equalTo("3000"))
                // 2021's reports were due by 30 November 2021: this one is late, and accepted.
                .body("late", equalTo(true)).extract().header("ETag");

        report(plan, 2, "市科协", unit("市科技局"), done, null).then().statusCode(403);
        given().auth().oauth2(unit("市科技局")).when().get("/api/v1/plans/" + plan + "/tasks/2/reports/市科协").then()
                .statusCode(403);
        given().auth().oauth2(unit("市科协")).when().get("/api/v1/plans/" + plan + "/tasks/2/reports/市科协").then()
                .statusCode(200).body("eventsHeld", equalTo(12));
        given().auth().oauth2(analyst()).when().get("/api/v1/plans/" + plan + "/tasks/2/reports/市科协").then()
                .statusCode(200);
        // Task 8 names only 市卫生健康委.
        report(plan, 8, "市科协", unit("市科协"), done, null).then().statusCode(403);
        report(plan, 99, "市科协", unit("市科协"), done, null).then().statusCode(404);
        report(plan, 2, "市科协", admin(), done, null).then().statusCode(403);
        given().auth().oauth2(unit("市科协")).when().get("/api/v1/plans/" + plan).then().statusCode(403);

        // Revising needs the report's ETag.
        report(plan, 2, "市科协", unit("市科协"), done, null).then().statusCode(428);
        report(plan, 2, "市科协", unit("市科协"), done, "\"99\"").then().statusCode(412);
        report(plan, 2, "市科协", unit("市科协"), Map.of("status", "NOT_DONE"), etag).then().statusCode(200)
                .body("status", equalTo("NOT_DONE")).body("eventsHeld", equalTo(null));

        report(plan, 5, "市科协", unit("市科协"), Map.of("status", "DONE", "eventIds", List.of(UUID.randomUUID())),
                null).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventIds[0]"));
        report(plan, 5, "市科协", unit("市科协"), Map.of("status", "FINISHED"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void aReportOnTimeStaysOnTimeAndTheFactsFollow() {
        String a = "单位A-" + UUID.randomUUID();
        String plan = create(craftedPlan(a, "单位B", "单位C", "2099-11-30"));
        report(plan, 1, a, unit(a), Map.of("status", "IN_PROGRESS"), null).then().statusCode(201)
                .body("late", equalTo(false));
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> facts = FactReader.records(servers, "kepu.plans", plan, 1,
                Duration.ofSeconds(20));
        assertEquals(1, facts.size());
        JsonPath fact = new JsonPath(facts.get(0).value());
        assertEquals("kepu.plan-report.submitted", fact.getString("type"));
        assertEquals(a, fact.getString("data.unit"));
        assertEquals("IN_PROGRESS", fact.getString("data.status"));
    }

    @Test
    void progressOverdueAndToDoFollowTheReports() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String a = "甲" + suffix;
        String b = "乙" + suffix;
        String c = "丙" + suffix;
        String plan = create(craftedPlan(a, b, c, "2099-11-30"));
        report(plan, 1, a, unit(a), Map.of("status", "DONE"), null).then().statusCode(201);
        report(plan, 1, b, unit(b), Map.of("status", "IN_PROGRESS"), null).then().statusCode(201);
        report(plan, 2, a, unit(a), Map.of("status", "DONE", "participants", 300), null).then().statusCode(201);

        JsonPath progress = given().auth().oauth2(analyst()).when().get("/api/v1/plans/" + plan + "/progress").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, progress.getInt("units"));
        assertEquals(5, progress.getInt("reportsExpected"));
        assertEquals(3, progress.getInt("reportsIn"));
        assertEquals(2, progress.getInt("done"));
        assertEquals(2, progress.getInt("byTask.find { it.number == 1 }.reported"));
        assertEquals(1, progress.getInt("byTask.find { it.number == 1 }.done"));
        assertEquals(0, progress.getInt("byTask.find { it.number == 3 }.reported"));
        assertEquals(List.of(), progress.getList("byUnit.find { it.unit == '" + a + "' }.owes"));
        assertEquals(List.of(3), progress.getList("byUnit.find { it.unit == '" + b + "' }.owes"));
        assertEquals(List.of(3), progress.getList("byUnit.find { it.unit == '" + c + "' }.owes"));

        given().auth().oauth2(analyst()).queryParam("on", "2099-11-30").when()
                .get("/api/v1/plans/" + plan + "/overdue").then().statusCode(200).body("items", empty());
        given().auth().oauth2(analyst()).queryParam("on", "2099-12-01").when()
                .get("/api/v1/plans/" + plan + "/overdue").then().statusCode(200)
                .body("items.unit", contains(b, c)).body("items.taskNumber", contains(3, 3));

        given().auth().oauth2(unit(b)).when().get("/api/v1/plans/to-do").then().statusCode(200)
                .body("items.taskNumber", contains(1, 3)).body("items.status", contains("IN_PROGRESS", null))
                .body("items.overdue", contains(false, false));
        given().auth().oauth2(unit(a)).when().get("/api/v1/plans/to-do").then().statusCode(200)
                .body("items", empty());

        byte[] xlsx = given().auth().oauth2(analyst()).when().get("/api/v1/plans/" + plan + "/progress.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("任务编号", sheet.getRow(0).getCell(0).getStringCellValue());
            Row first = sheet.getRow(1);
            assertEquals(1.0, first.getCell(0).getNumericCellValue());
            assertEquals(a, first.getCell(2).getStringCellValue());
            assertEquals("已完成", first.getCell(4).getStringCellValue());
            Row owed = sheet.getRow(5);
            assertEquals(c, owed.getCell(2).getStringCellValue());
            assertEquals("未报送", owed.getCell(4).getStringCellValue());
            assertEquals(300.0, sheet.getRow(3).getCell(8).getNumericCellValue());
        }
        String csv = given().auth().oauth2(analyst()).when().get("/api/v1/plans/" + plan + "/progress.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF任务编号,任务,责任单位,牵头,状态,报送时间,是否逾期,活动场次,参与人次\r\n"), csv);
        given().auth().oauth2(unit(a)).when().get("/api/v1/plans/" + plan + "/progress").then().statusCode(403);
    }

    @Test
    void aTaskWithReportsStaysInItsPlan() {
        String a = "单位-" + UUID.randomUUID();
        String plan = create(craftedPlan(a, "单位B", "单位C", "2099-11-30"));
        report(plan, 2, a, unit(a), Map.of("status", "DONE"), null).then().statusCode(201);
        String etag = given().auth().oauth2(admin()).when().get("/api/v1/plans/" + plan).then().extract()
                .header("ETag");
        String withoutTask2 = craftedPlan(a, "单位B", "单位C", "2099-11-30")
                .replaceAll(",\\s*\\{\"number\":2,\"title\":\"科普日\"[^}]*}", "");
        String withoutTask3 = craftedPlan(a, "单位B", "单位C", "2099-11-30").replace("认定基地", "认定基地（修订）");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag).body(withoutTask2)
                .when().put("/api/v1/plans/" + plan).then().statusCode(409)
                .body("type", containsString("task-has-reports"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag).body(withoutTask3)
                .when().put("/api/v1/plans/" + plan).then().statusCode(200)
                .body("sections[1].tasks[0].text", equalTo("认定基地（修订）。"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag).body(withoutTask3)
                .when().put("/api/v1/plans/" + plan).then().statusCode(412);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"year\":2030,\"issuingBody\":\"局\",\"title\":\"计划\",\"sections\":[{\"number\":1,\"title\":\"一\","
                        + "\"tasks\":[{\"number\":1,\"title\":\"t\",\"text\":\"x\",\"units\":[]}]}]}")
                .when().post("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("sections[0].tasks[0].units"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"year\":2030,\"issuingBody\":\"局\",\"title\":\"计划\",\"sections\":[{\"number\":1,\"title\":\"一\","
                        + "\"tasks\":[{\"number\":1,\"title\":\"t\",\"text\":\"x\",\"units\":[\"甲\"],\"leadUnit\":\"乙\"}]}]}")
                .when().post("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("sections[0].tasks[0].leadUnit"));
        given().auth().oauth2(unit(a)).contentType(ContentType.JSON).body(craftedPlan(a, "B", "C", "2099-11-30"))
                .when().post("/api/v1/plans").then().statusCode(403);
    }
}
