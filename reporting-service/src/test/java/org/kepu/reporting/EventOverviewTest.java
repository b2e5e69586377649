package org.kepu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactSender;

import io.quarkus.test.junit.QuarkusTest;

/** A year of events broken down as a dashboard shows it, from facts sent through the broker (year 2032: ours alone). */
@QuarkusTest
class EventOverviewTest {

    static FactSender producer;

    @BeforeAll
    static void connect() {
        producer = new FactSender(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static void event(String city, String region, String type, String status, String format, String theme,
            String startsAt, Integer offline) throws Exception {
        String id = UUID.randomUUID().toString();
        producer.send("kepu.events", id, """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.event.published",
                 "subject":"%s","time":"2032-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":2,"status":"%s","type":"%s","divisionCode":"%s","cityCode":"%s",
                         "economicRegion":"%s","startsAt":"%s","organizerOrg":"o","format":"%s","themes":["%s"],
                         "attendanceOffline":%s}}
                """.formatted(UUID.randomUUID(), id, id, status, type, city.substring(0, 4) + "02", city, region,
                startsAt, format, theme, offline == null ? "null" : offline.toString()));
    }

    @Test
    void aYearIsBrokenDownByTypeMonthStatusFormatAndThemeInAScope() throws Exception {
        event("445100", "EAST", "LECTURE", "PUBLISHED", "OFFLINE", "HEALTH", "2032-03-05T10:00:00+08:00", null);
        event("445100", "EAST", "SCIENCE_DAY", "COMPLETED", "HYBRID", "AI", "2032-09-18T09:00:00+08:00", 1200);
        event("441400", "NORTH", "LECTURE", "CANCELLED", "ONLINE", "HEALTH", "2032-09-20T09:00:00+08:00", null);
        // 2031-12-31 23:30 in Shanghai is still 2031, though it is 2032 nowhere; 2033-01-01 00:30 is not 2032.
        event("445100", "EAST", "LECTURE", "PUBLISHED", "OFFLINE", "HEALTH", "2031-12-31T23:30:00+08:00", null);
        event("445100", "EAST", "LECTURE", "PUBLISHED", "OFFLINE", "HEALTH", "2033-01-01T00:30:00+08:00", null);
        event("440100", "PRD", "CARNIVAL", "PUBLISHED", "OFFLINE", "SPACE", "2032-05-18T09:00:00+08:00", null);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .queryParam("year", 2032).when().get("/api/v1/reports/overview/events").then().extract().jsonPath()
                .getLong("total") >= 4);

        given().queryParam("year", 2032).queryParam("scope", "EAST+WEST+NORTH").when()
                .get("/api/v1/reports/overview/events").then().statusCode(200).body("total", equalTo(3))
                .body("byType.key", containsInAnyOrder("LECTURE", "SCIENCE_DAY"))
                .body("byType.find { it.key == 'LECTURE' }.count", equalTo(2))
                .body("byMonth.key", containsInAnyOrder("2032-03", "2032-09"))
                .body("byMonth.find { it.key == '2032-09' }.count", equalTo(2))
                .body("byStatus.key", containsInAnyOrder("PUBLISHED", "COMPLETED", "CANCELLED"))
                .body("byFormat.key", containsInAnyOrder("OFFLINE", "HYBRID", "ONLINE"))
                .body("byTheme.find { it.key == 'HEALTH' }.count", equalTo(2))
                .body("attendanceOffline", equalTo(1200)).body("freshAsOf", notNullValue());
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
    }
}
