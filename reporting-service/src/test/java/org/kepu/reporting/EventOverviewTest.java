package org.kepu.reporting;

import static org.kepu.common.testing.FactSender.facts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A year of events broken down as a dashboard shows it, from facts sent through the broker (year 2032: ours alone). */
@QuarkusTest
class EventOverviewTest {

    @Inject
    DataSource db;

    /** The key this test's event facts go under, so that a later marker under it follows them all. */
    static final String EVENTS = UUID.randomUUID().toString();

    static String event(String city, String region, String type, String status, String format, String theme,
            String startsAt, Integer offline) throws Exception {
        return TestFacts.event(facts(), EVENTS, city, region, type, status, format, theme, startsAt, offline);
    }

    static void registration(String eventId, String registrationId, int version, int size, String status,
            boolean checkedIn) throws Exception {
        TestFacts.registration(facts(), eventId, registrationId, version, size, status, checkedIn);
    }

    @Test
    void aYearIsBrokenDownByTypeMonthStatusFormatAndThemeInAScope() throws Exception {
        event("445100", "EAST", "LECTURE", "PUBLISHED", "OFFLINE", "HEALTH", "2032-03-05T10:00:00+08:00", null);
        String scienceDay = event("445100", "EAST", "SCIENCE_DAY", "COMPLETED", "HYBRID", "AI",
                "2032-09-18T09:00:00+08:00", 1200);
        registration(scienceDay, UUID.randomUUID().toString(), 2, 3, "CONFIRMED", true);
        String cancelled = UUID.randomUUID().toString();
        registration(scienceDay, cancelled, 2, 2, "CANCELLED", false);
        // Redelivered late, an older version must not bring the cancelled registration back.
        registration(scienceDay, cancelled, 1, 2, "CONFIRMED", false);
        registration(scienceDay, UUID.randomUUID().toString(), 1, 4, "WAIT_LISTED", false);
        // A registration for an event the reports have not heard of counts nowhere yet.
        TestFacts.registration(facts(), scienceDay, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 9,
                "CONFIRMED", true);
        event("441400", "NORTH", "LECTURE", "CANCELLED", "ONLINE", "HEALTH", "2032-09-20T09:00:00+08:00", null);
        // 2031-12-31 23:30 in Shanghai is still 2031, though it is 2032 nowhere; 2033-01-01 00:30 is not 2032.
        event("445100", "EAST", "LECTURE", "PUBLISHED", "OFFLINE", "HEALTH", "2031-12-31T23:30:00+08:00", null);
        event("445100", "EAST", "LECTURE", "PUBLISHED", "OFFLINE", "HEALTH", "2033-01-01T00:30:00+08:00", null);
        event("440100", "PRD", "CARNIVAL", "PUBLISHED", "OFFLINE", "SPACE", "2032-05-18T09:00:00+08:00", null);
        // Once later markers under the same keys are applied, so is every fact above: what follows is final.
        Markers.events(facts(), db, EVENTS);
        Markers.registrations(facts(), db, scienceDay);

        given().queryParam("year", 2032).queryParam("scope", "EAST+WEST+NORTH").when()
                .get("/api/v1/reports/overview/events").then().statusCode(200).body("total", equalTo(3))
                .body("byType.key", containsInAnyOrder("LECTURE", "SCIENCE_DAY"))
                .body("byType.find { it.key == 'LECTURE' }.count", equalTo(2))
                .body("byMonth.key", containsInAnyOrder("2032-03", "2032-09"))
                .body("byMonth.find { it.key == '2032-09' }.count", equalTo(2))
                .body("byStatus.key", containsInAnyOrder("PUBLISHED", "COMPLETED", "CANCELLED"))
                .body("byFormat.key", containsInAnyOrder("OFFLINE", "HYBRID", "ONLINE"))
                .body("byTheme.find { it.key == 'HEALTH' }.count", equalTo(2))
                .body("participants.attendanceOffline", equalTo(1200))
                .body("participants.registrations", equalTo(1)).body("participants.registeredPeople", equalTo(3))
                .body("participants.checkedInPeople", equalTo(3)).body("freshAsOf", notNullValue());
        given().queryParam("year", 2032).queryParam("scope", "445100").when().get("/api/v1/reports/overview/events")
                .then().body("total", equalTo(2));
        given().queryParam("year", 2032).when().get("/api/v1/reports/overview/events").then().body("total", equalTo(4));
        given().queryParam("year", 2032).queryParam("scope", "MARS").when().get("/api/v1/reports/overview/events")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("scope"));

        byte[] csv = given().queryParam("year", 2032).queryParam("scope", "EAST+WEST+NORTH").when()
                .get("/api/v1/reports/overview/events.csv").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF维度,项目,数量\r\n合计,活动,3\r\n"), text);
        assertTrue(text.contains("主题,HEALTH,2\r\n") && text.contains("参与,线下参与人次,1200"), text);
        assertTrue(text.contains("参与,签到人数,3\r\n"), text);

        byte[] xlsx = given().queryParam("year", 2032).queryParam("scope", "EAST+WEST+NORTH").when()
                .get("/api/v1/reports/overview/events.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("events-2032-EAST-WEST-NORTH.xlsx")).extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("维度", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(3.0, numberAt(sheet, "合计", "活动"));
            assertEquals(1200.0, numberAt(sheet, "参与", "线下参与人次"));
            assertEquals(3.0, numberAt(sheet, "参与", "签到人数"));
        }
        given().queryParam("year", 2032).when().get("/api/v1/reports/overview/events.pdf").then().statusCode(404);
    }

    /** The numeric cell of the row whose first two cells are {@code dimension} and {@code item}. */
    static double numberAt(Sheet sheet, String dimension, String item) {
        for (Row row : sheet) {
            if (dimension.equals(row.getCell(0).getStringCellValue())
                    && item.equals(row.getCell(1).getStringCellValue())) {
                return row.getCell(2).getNumericCellValue();
            }
        }
        throw new AssertionError("no row " + dimension + " / " + item);
    }
}
