package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;
import static org.kepu.events.Organizers.token;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** The .ics files, read back with a real iCalendar parser (ical4j), as a calendar app would. */
@QuarkusTest
class CalendarTest {

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void oneEventIsAValidCalendarWithLocalTimesAndAStableUid() throws Exception {
        Map<String, Object> body = event("第七届广东科普嘉年华");
        String description = "科技创新，强国有我；互动展区、科学表演与讲座。\n地址：广州市番禺区西环路168号，广东科学中心。"
                + "本届嘉年华设置人工智能、航空航天、生命健康、海洋科普等主题展区，欢迎市民朋友带孩子参加。";
        body.put("descriptionZh", description);
        String id = publish(newOrg(), body);

        String ics = given().when().get("/api/v1/events/" + id + "/calendar.ics").then().statusCode(200)
                .contentType("text/calendar").extract().asString();
        assertTrue(ics.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75),
                "every physical line is folded to 75 octets");

        VEvent vevent = parse(ics).<VEvent>getComponents("VEVENT").get(0);
        assertEquals(id + "@kepu.org", text(vevent, "UID"));
        assertEquals(description, text(vevent, "DESCRIPTION"), "Chinese text survives escaping and folding");
        assertEquals("CONFIRMED", text(vevent, "STATUS"));
        Temporal start = vevent.getDateTimeStart().getDate();
        assertEquals(ZonedDateTime.of(2024, 5, 18, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
                ZonedDateTime.from(start).toInstant());
        Temporal end = vevent.getDateTimeEnd().getDate();
        assertEquals(ZonedDateTime.of(2024, 5, 19, 17, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
                ZonedDateTime.from(end).toInstant(), "a two-day event ends on its second day");

        String again = given().when().get("/api/v1/events/" + id + "/calendar.ics").then().extract().asString();
        assertEquals(id + "@kepu.org", text(parse(again).<VEvent>getComponents("VEVENT").get(0), "UID"));
    }

    @Test
    void aFeedOfASearchMarksCancelledEvents() throws Exception {
        String org = newOrg();
        publish(org, event("照常举行"));
        String cancelled = publish(org, event("取消的讲座"));
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "讲者抱恙")).when()
                .post("/api/v1/events/" + cancelled + "/cancel").then().statusCode(200);

        String ics = given().queryParam("organizer", org).when().get("/api/v1/events/calendar.ics").then()
                .statusCode(200).extract().asString();
        List<VEvent> events = parse(ics).getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent off = events.stream().filter(e -> text(e, "UID").startsWith(cancelled)).findFirst().orElseThrow();
        assertEquals("CANCELLED", text(off, "STATUS"));
        assertTrue(text(off, "DESCRIPTION").contains("讲者抱恙"));
    }

    /** Calendar apps poll subscriptions with If-None-Match; an unchanged feed is a 304, a cancellation is not. */
    @Test
    void aSubscribedFeedAnswersNotModifiedUntilAnEventChanges() throws Exception {
        String org = newOrg();
        String id = publish(org, event("订阅的讲座"));
        String tag = given().queryParam("organizer", org).when().get("/api/v1/events/calendar.ics").then()
                .statusCode(200).extract().header("ETag");
        given().queryParam("organizer", org).header("If-None-Match", tag).when().get("/api/v1/events/calendar.ics")
                .then().statusCode(304);

        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "场地维修")).when()
                .post("/api/v1/events/" + id + "/cancel").then().statusCode(200);
        String ics = given().queryParam("organizer", org).header("If-None-Match", tag).when()
                .get("/api/v1/events/calendar.ics").then().statusCode(200).extract().asString();
        assertEquals("CANCELLED", text(parse(ics).<VEvent>getComponents("VEVENT").get(0), "STATUS"));
    }

    @Test
    void oneEventsFileAnswersNotModifiedUntilTheEventChanges() throws Exception {
        String org = newOrg();
        String id = publish(org, event("加入日历的讲座"));
        String path = "/api/v1/events/" + id + "/calendar.ics";
        String tag = given().when().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).when().get(path).then().statusCode(304);

        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(Map.of("reason", "场地维修")).when()
                .post("/api/v1/events/" + id + "/cancel").then().statusCode(200);
        String ics = given().header("If-None-Match", tag).when().get(path).then().statusCode(200).extract().asString();
        assertEquals("CANCELLED", text(parse(ics).<VEvent>getComponents("VEVENT").get(0), "STATUS"));
    }
}
