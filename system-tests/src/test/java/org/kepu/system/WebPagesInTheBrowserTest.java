package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * The web pages as people use them, in headless Chromium (web/test/pages.mjs, playwright-core driving Debian's
 * chromium) against the real system: a visitor finds a new event by text, by district and near them, downloads its
 * calendar, sees the API's problem next to the field it names, registers, manages the registration, and is
 * wait-listed for a full event; an analyst reads the dashboard, whose KPI table must equal the report API's, and exports
 * it. The same run measures the finder's compressed scripts and styles and a search's time on screen, runs axe-core on
 * each page and saves screenshots (phone and desktop) under system-tests/target/screenshots.
 */
@ExtendWith(KepuSystem.class)
class WebPagesInTheBrowserTest {

    static final Path WEB = KepuSystem.ROOT.resolve("web");
    static final Path SCREENSHOTS = KepuSystem.ROOT.resolve("system-tests/target/screenshots");
    static final int KPI_YEAR = 2024;
    static final long FINDER_BUDGET_BYTES = 300 * 1024;
    static final double SEARCH_BUDGET_MS = 300;

    @Test
    void aVisitorFindsAndRegistersAndAnAnalystReadsTheDashboard() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> lecture = new HashMap<>(Map.of("titleZh", "科普讲座：网页里的天文 " + word, "type", "LECTURE",
                "startsAt", "2027-03-20T14:00:00+08:00", "endsAt", "2027-03-20T16:00:00+08:00", "divisionCode", "440106",
                "address", "天河区天河路 2 号", "latitude", 23.1375, "longitude", 113.3268, "capacity", 50,
                "takesRegistrations", true));
        lecture.put("audiences", List.of("PUBLIC", "YOUTH"));
        lecture.put("keepsWaitList", true);
        String eventId = Gateway.publishEvent(org, lecture);
        String fullEventId = Gateway.publishEvent(org, new HashMap<>(Map.of("titleZh", "科学之夜 " + word, "type",
                "SCIENCE_NIGHT", "startsAt", "2027-03-21T19:00:00+08:00", "endsAt", "2027-03-21T21:00:00+08:00",
                "divisionCode", "440106", "capacity", 2, "takesRegistrations", true, "keepsWaitList", true)));
        given().contentType(ContentType.JSON).body(Map.of("kind", "GROUP", "size", 2, "name", "王老师", "phone",
                phone(), "organization", "华阳小学")).when().post("/api/v1/events/" + fullEventId + "/registrations")
                .then().statusCode(201);
        String analyst = Gateway.TOKENS.token("analyst").role("analyst").sign();

        Map<String, Object> fixture = new HashMap<>();
        fixture.put("word", word);
        fixture.put("eventId", eventId);
        fixture.put("fullEventId", fullEventId);
        fixture.put("cityCode", "440100");
        fixture.put("divisionCode", "440106");
        fixture.put("nearMe", Map.of("latitude", 23.14, "longitude", 113.33));
        fixture.put("phone", phone());
        fixture.put("otherPhone", phone());
        fixture.put("analystToken", analyst);
        fixture.put("year", KPI_YEAR);
        JsonNode report = runPages(fixture);
        System.out.printf("web pages: the finder's scripts and styles %d bytes compressed, a search on screen %.0f ms "
                + "after the last key%n", report.path("finderScriptsAndStylesBytes").asLong(),
                report.path("searchMs").asDouble());

        assertNull(report.get("failure"), () -> "the browser run failed: " + report.path("failure").asText());
        assertTrue(texts(report.path("searchFound")).contains(eventId), "the search found the new event");
        assertTrue(report.path("searchMs").asDouble() <= SEARCH_BUDGET_MS, "search on screen in " + report.path("searchMs"));
        long weight = report.path("finderScriptsAndStylesBytes").asLong();
        assertTrue(weight > 0 && weight <= FINDER_BUDGET_BYTES, "the finder's first load: " + weight + " bytes");
        assertTrue(report.path("mapMarkers").asInt() >= 1, "the events are on the map");
        assertTrue(report.path("foundByDistrict").asBoolean() && report.path("foundNearMe").asBoolean());
        assertTrue(report.path("calendar").path("vcalendar").asBoolean() && report.path("calendar").path("vevent")
                .asBoolean(), "the calendar download is an iCalendar event: " + report.path("calendar"));
        assertFalse(report.path("phoneProblem").asText().isBlank(), "the phone's problem is shown next to it");
        assertEquals("true", report.path("phoneInvalid").asText());

        assertEquals("CONFIRMED", report.path("registration").path("status").asText());
        assertEquals("CONFIRMED", report.path("managed").asText(), "the manage link opens the registration");
        String manageLink = report.path("registration").path("manageLink").asText();
        String registrationId = manageLink.replaceAll(".*#/registrations/([0-9a-f-]{36})\\?token=.*", "$1");
        List<String> listed = given().auth().oauth2(Gateway.organizer(org)).when()
                .get("/api/v1/events/" + eventId + "/registrations").then().statusCode(200).extract().path("items.id");
        assertTrue(listed.contains(registrationId), "the registration is in the organizer's list");
        assertEquals("WAIT_LISTED", report.path("waitListed").path("status").asText(), report.toString());
        assertTrue(report.path("waitListed").path("text").asText().endsWith("place 1"),
                "the first on the wait list is told its place: " + report.path("waitListed"));

        assertKpisAsTheApiGivesThem(report.path("kpis"), analyst);
        assertTrue(report.path("charts").asInt() >= 6, "the charts are drawn: " + report.path("charts"));
        assertFalse(report.path("freshAsOf").asText().isBlank(), "the KPIs say how fresh they are");
        assertTrue(report.path("export").path("zip").asBoolean() && report.path("export").path("bytes").asInt() > 0,
                "the XLSX export downloads: " + report.path("export"));

        report.path("axe").properties().forEach(page -> assertEquals(List.of(), texts(page.getValue()),
                "axe-core's serious findings on " + page.getKey()));
        assertEquals(List.of(), texts(report.path("policyViolations")), "the Content-Security-Policy refused something");
        assertEquals(List.of(), texts(report.path("pageErrors")));
        for (String shot : List.of("finder-phone", "finder-desktop", "event-phone", "event-desktop", "dashboard-phone",
                "dashboard-desktop")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(shot + ".png")) > 0, shot);
        }
    }

    private static void assertKpisAsTheApiGivesThem(JsonNode shown, String analyst) {
        List<Map<String, Object>> kpis = given().auth().oauth2(analyst).queryParam("year", KPI_YEAR).when()
                .get("/api/v1/reports/kpis").then().statusCode(200).extract().path("items");
        assertFalse(kpis.isEmpty(), "the year has targets");
        assertEquals(kpis.size(), shown.size(), "one row per KPI: " + shown);
        for (Map<String, Object> kpi : kpis) {
            JsonNode row = null;
            for (JsonNode candidate : shown) {
                if (candidate.path("metric").asText().equals(kpi.get("metric"))
                        && candidate.path("scope").asText().equals(kpi.get("scope"))) {
                    row = candidate;
                }
            }
            assertTrue(row != null, "no row for " + kpi);
            for (String column : List.of("actual", "target", "gap")) {
                assertEquals(0, new BigDecimal(String.valueOf(kpi.get(column))).compareTo(
                        new BigDecimal(row.path(column).asText().replace(",", ""))), column + " of " + kpi);
            }
            assertEquals(kpi.get("met"), row.path("met").asBoolean(), "met of " + kpi);
        }
    }

    private static JsonNode runPages(Map<String, Object> fixture) throws Exception {
        Path log = KepuSystem.ROOT.resolve("system-tests/target/web-pages-browser.log");
        ProcessBuilder builder = new ProcessBuilder("node", "test/pages.mjs").directory(WEB.toFile())
                .redirectError(log.toFile());
        builder.environment().put("KEPU_GATEWAY", KepuSystem.GATEWAY);
        builder.environment().put("KEPU_SCREENSHOTS", SCREENSHOTS.toString());
        builder.environment().put("KEPU_WEB_FIXTURE", new ObjectMapper().writeValueAsString(fixture));
        Process node = builder.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(180, TimeUnit.SECONDS), "the browser run did not end");
        assertEquals(0, node.exitValue(), "node test/pages.mjs failed; see " + log + "\n" + out);
        String[] lines = out.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }
}
