package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FactSender;
import org.kepu.common.testing.FactsDocument;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The merged AsyncAPI document the gateway serves is what the services really write: every fact type it lists is
 * produced here through the gateway (and a dead letter through Kafka), read off its topic, and each record's value,
 * headers and key are checked against the message of its type, with no data property the document does not name.
 * The document also passes Spectral's AsyncAPI rules.
 */
@ExtendWith(KepuSystem.class)
class FactsDocumentThroughTheGatewayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theMergedDocumentListsEveryServiceAndPassesSpectral() throws Exception {
        String document = given().when().get("/asyncapi.json").then().statusCode(200).extract().asString();
        String missing = FactsDocument.of(document).json().path("info").path("x-kepu-missing-services").asText();
        for (String service : List.of("event-service", "venue-service", "reporting-service")) {
            assertFalse(List.of(missing.split(",")).contains(service), service + " is missing from the document");
        }
        Path file = KepuSystem.ROOT.resolve("system-tests/target/asyncapi-merged.json");
        Files.writeString(file, document);
        Path lint = KepuSystem.ROOT.resolve("build/lint");
        Process spectral = new ProcessBuilder(lint.resolve("node_modules/.bin/spectral").toString(), "lint",
                file.toString(), "--ruleset", lint.resolve(".spectral-asyncapi.yaml").toString(),
                "--fail-severity=warn").redirectErrorStream(true).start();
        String report = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        spectral.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, spectral.exitValue(), "Spectral found problems:\n" + report);
    }

    @Test
    void everyFactTheDocumentListsIsWrittenAsItSays() throws Exception {
        FactsDocument document = FactsDocument
                .of(given().when().get("/asyncapi.json").then().statusCode(200).extract().asString());
        Map<String, Integer> expected = new LinkedHashMap<>(); // "topic key" -> facts the steps below make
        events(expected);
        registrations(expected);
        venues(expected);
        visits(expected);
        tours(expected);
        reports(expected);
        expected.put("kepu.dead-letters " + poison(), 1);

        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Integer> read : expected.entrySet()) {
            String[] topicAndKey = read.getKey().split(" ");
            List<ConsumerRecord<String, String>> records = FactReader.records(KepuSystem.KAFKA, topicAndKey[0],
                    topicAndKey[1], read.getValue(), PATIENCE);
            assertEquals(read.getValue(), records.size(), "the facts under " + read.getKey());
            for (ConsumerRecord<String, String> record : records) {
                String type = topicAndKey[0].equals("kepu.dead-letters")
                        ? "kepu.dead-letter"
                        : FactReader.typeOf(record.value());
                seen.add(type);
                document.problems(record).forEach(p -> problems.add(type + " at " + record.topic() + "@"
                        + record.offset() + ": " + p));
            }
        }
        assertEquals(List.of(), problems, "records that break the document");
        Set<String> listed = new TreeSet<>();
        document.json().path("components").path("messages").fieldNames().forEachRemaining(listed::add);
        assertEquals(listed, seen, "the messages the document lists (left) and those this test saw written (right)");
    }

    /** Published, changed, completed with attendance; another published and cancelled. */
    private static void events(Map<String, Integer> expected) {
        String org = "org-" + UUID.randomUUID();
        Map<String, Object> draft = new HashMap<>(Map.of("titleZh", "科普讲座：人工智能与生活 " + UUID.randomUUID(), "type",
                "LECTURE", "startsAt", "2024-09-21T14:00:00+08:00", "endsAt", "2024-09-21T16:00:00+08:00",
                "divisionCode", "440106", "themes", List.of("AI"), "capacity", 80));
        String held = Gateway.publishEvent(org, draft);
        draft.put("titleEn", "AI and Everyday Life");
        organizer(org).header("If-Match", "*").contentType(ContentType.JSON).body(draft).when()
                .put("/api/v1/events/" + held).then().statusCode(200);
        organizer(org).when().post("/api/v1/events/" + held + "/complete").then().statusCode(200);
        organizer(org).contentType(ContentType.JSON).body(Map.of("offline", 76, "online", 1200)).when()
                .put("/api/v1/events/" + held + "/attendance").then().statusCode(200);
        expected.put("kepu.events " + held, 4);

        String cancelled = Gateway.publishEvent(org, "440305");
        organizer(org).contentType(ContentType.JSON).body(Map.of("reason", "台风预警，活动取消")).when()
                .post("/api/v1/events/" + cancelled + "/cancel").then().statusCode(200);
        expected.put("kepu.events " + cancelled, 2);
    }

    /** Confirmed and wait-listed; the first made smaller, which promotes the second; checked in; cancelled. */
    private static void registrations(Map<String, Integer> expected) {
        String org = "org-" + UUID.randomUUID();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
        String event = Gateway.publishEvent(org, Map.of("titleZh", "科学之夜 " + UUID.randomUUID(), "type",
                "SCIENCE_NIGHT", "startsAt", day + "T19:00:00+08:00", "endsAt", day + "T21:00:00+08:00",
                "divisionCode", "440106", "capacity", 4, "takesRegistrations", true, "keepsWaitList", true));
        JsonPath first = register(event, "华阳小学 四年级2班", "13812341234");
        JsonPath second = register(event, "体育东路小学 三年级1班", "13912341234");
        given().header("Registration-Token", first.getString("manageToken")).header("If-Match", "*")
                .contentType(ContentType.JSON).body(Map.of("size", 1)).when()
                .put("/api/v1/registrations/" + first.getString("registration.id") + "/size").then().statusCode(200);
        organizer(org).contentType(ContentType.JSON)
                .body(Map.of("registrationId", first.getString("registration.id"))).when()
                .post("/api/v1/events/" + event + "/check-ins").then().statusCode(200);
        given().header("Registration-Token", second.getString("manageToken")).when()
                .post("/api/v1/registrations/" + second.getString("registration.id") + "/cancel").then()
                .statusCode(200);
        expected.put("kepu.events " + event, 1);
        expected.put("kepu.registrations " + event, 6);
    }

    private static JsonPath register(String event, String organization, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("kind", "GROUP", "size", 3, "name", "李老师", "phone",
                phone, "organization", organization)).when()
                .post("/api/v1/events/" + event + "/registrations").then().statusCode(201).extract().jsonPath();
    }

    /** Registered, its hours changed, closed for a while, applied for and certified as a base. */
    private static void venues(Map<String, Integer> expected) {
        String venue = venue("梅州客家科普教育基地 ", "EDUCATION_BASE", "441402", 24.29, 116.12);
        openEveryDay(venue);
        admin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "展厅改造")).when()
                .post("/api/v1/venues/" + venue + "/status").then().statusCode(200);
        for (Map<String, Object> move : List.of(Map.<String, Object>of("move", "APPLY"), Map.<String, Object>of("move",
                "CERTIFY", "level", "PROVINCIAL", "validFrom", "2024-01-01", "validUntil", "2028-12-31"))) {
            admin().contentType(ContentType.JSON).body(move).when()
                    .post("/api/v1/venues/" + venue + "/certification/moves").then().statusCode(201);
        }
        expected.put("kepu.venues " + venue, 5);
    }

    /** A slot, three bookings (one cancelled, one turned away), the slot closed, and who came to the first. */
    private static void visits(Map<String, Integer> expected) throws Exception {
        String venue = venue("预约科技馆 ", "SCIENCE_MUSEUM", "440106", 23.12, 113.33);
        openEveryDay(venue);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        String slot = admin().contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "opens", "09:30", "closes", "11:00", "capacity", 60)).when()
                .post("/api/v1/venues/" + venue + "/slots").then().statusCode(201).extract().path("items[0].id");
        String path = "/api/v1/venues/" + venue + "/slots/" + slot + "/bookings";
        JsonPath attending = book(path, 30);
        JsonPath cancelling = book(path, 10);
        given().header("Booking-Token", cancelling.getString("manageToken")).when()
                .post("/api/v1/bookings/" + cancelling.getString("booking.id") + "/cancel").then().statusCode(200);
        admin().contentType(ContentType.JSON).body(Map.of("reason", "场馆临时布展，请改约其他时段")).when()
                .post("/api/v1/bookings/" + book(path, 10).getString("booking.id") + "/reject").then()
                .statusCode(200);
        admin().when().post("/api/v1/venues/" + venue + "/slots/" + slot + "/close").then().statusCode(200);
        FactFieldsInReadModelsTest.slotBegun(slot);
        admin().contentType(ContentType.JSON).body(Map.of("attended", 28)).when()
                .put("/api/v1/bookings/" + attending.getString("booking.id") + "/attendance").then().statusCode(200);
        expected.put("kepu.bookings " + venue, 8);
    }

    private static JsonPath book(String path, int size) {
        return given().contentType(ContentType.JSON).body(Map.of("size", size, "school", "华阳小学", "grade", "五年级",
                "leaderName", "王老师", "leaderPhone", "13800138000")).when().post(path).then().statusCode(201)
                .extract().jsonPath();
    }

    /** A caravan's tour, renamed; a stop added, moved, and its visitors reported; another added and removed. */
    private static void tours(Map<String, Integer> expected) {
        String unit = venue("科普大篷车 ", "CARAVAN", "441802", 23.68, 113.06);
        String tour = admin().contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "name", "2024年科普大篷车粤北行", "year", 2024)).when()
                .post("/api/v1/tours").then().statusCode(201).extract().path("id");
        admin().header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "name", "2024年科普大篷车粤北巡展", "year", 2024)).when()
                .put("/api/v1/tours/" + tour).then().statusCode(200);
        Map<String, Object> stop = new HashMap<>(Map.of("placeName", "乳源瑶族自治县中心小学", "divisionCode", "440232",
                "latitude", 24.78, "longitude", 113.28, "startsOn", "2024-10-14", "endsOn", "2024-10-15", "setting",
                "SCHOOL"));
        String visited = addStop(tour, stop);
        stop.put("endsOn", "2024-10-16");
        admin().header("If-Match", "*").contentType(ContentType.JSON).body(stop).when()
                .put("/api/v1/tours/" + tour + "/stops/" + visited).then().statusCode(200);
        admin().contentType(ContentType.JSON).body(Map.of("visitors", 860)).when()
                .put("/api/v1/tours/" + tour + "/stops/" + visited + "/visitors").then().statusCode(200);
        String dropped = addStop(tour, Map.of("placeName", "连州市第二中学", "divisionCode", "441882", "latitude",
                24.78, "longitude", 112.38, "startsOn", "2024-11-04", "endsOn", "2024-11-08", "setting", "SCHOOL"));
        admin().when().delete("/api/v1/tours/" + tour + "/stops/" + dropped).then().statusCode(204);
        expected.put("kepu.tours " + unit, 7);
    }

    private static String addStop(String tour, Map<String, Object> stop) {
        return admin().contentType(ContentType.JSON).body(stop).when().post("/api/v1/tours/" + tour + "/stops").then()
                .statusCode(201).extract().path("id");
    }

    /** A unit reports on its task of a plan, then revises its report. */
    private static void reports(Map<String, Integer> expected) throws Exception {
        String plan = admin().contentType(ContentType.JSON)
                .body(Files.readString(Path.of(PlansAndReportsThroughTheGatewayTest.PLAN))).when()
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        for (String status : List.of("IN_PROGRESS", "DONE")) {
            organizer("市科协").header("If-Match", "*").contentType(ContentType.JSON)
                    .body(Map.of("status", status, "eventsHeld", 12, "participants", 3400, "figures",
                            Map.of("培训人次", "560")))
                    .when().put("/api/v1/plans/" + plan + "/tasks/2/reports/市科协").then().statusCode(
                            status.equals("DONE") ? 200 : 201);
        }
        expected.put("kepu.plans " + plan, 2);
    }

    /** A record no consumer can apply, sent where reporting-service reads: it dead-letters it. Answers its key. */
    private static String poison() throws Exception {
        String key = UUID.randomUUID().toString();
        try (FactSender sender = new FactSender(KepuSystem.KAFKA)) {
            sender.send("kepu.tours", key, "{\"not\":\"a cloud event\"}");
        }
        return key;
    }

    private static String venue(String name, String kind, String divisionCode, double latitude, double longitude) {
        return admin().contentType(ContentType.JSON).body(Map.of("nameZh", name + UUID.randomUUID(), "kind", kind,
                "divisionCode", divisionCode, "latitude", latitude, "longitude", longitude)).when()
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
    }

    private static void openEveryDay(String venue) {
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.put(day, List.of(Map.of("opens", "09:00", "closes", "17:00")));
        }
        admin().header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("weekly", week)).when()
                .put("/api/v1/venues/" + venue + "/opening-hours").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Gateway.admin());
    }

    private static RequestSpecification organizer(String org) {
        return given().auth().oauth2(Gateway.organizer(org));
    }
}
