package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FieldDrift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * No consumer forgets a field of a fact: every property of an event's published fact, as event-service really writes
 * it, is kept by reporting's read model with the same value, or is named below as deliberately left out. A property
 * added to the fact fails here until reporting keeps it or this list says why it does not.
 */
@ExtendWith(KepuSystem.class)
class FactFieldsInReadModelsTest {

    /** What the event read model does not keep of a {@code kepu.event.*} fact, and why. */
    static final Map<String, String> LEFT_OUT_OF_EVENT_SUMMARY = Map.ofEntries(
            Map.entry("titleZh", "reports count events; titles are the API's"),
            Map.entry("titleEn", "reports count events; titles are the API's"),
            Map.entry("seriesId", "no report groups by series yet"),
            Map.entry("audiences", "no report counts by audience yet"),
            Map.entry("accessibility", "no report counts accessible events yet"),
            Map.entry("endsAt", "reports place an event in time by its start"),
            Map.entry("venueId", "venues are counted from their own facts"),
            Map.entry("responsibleUnits", "plans track units by their tasks, not by events"),
            Map.entry("capacity", "seats are counted from registration facts"),
            Map.entry("publishedAt", "the status says whether it is published"),
            Map.entry("cancelReason", "reports count cancellations, not their reasons"),
            Map.entry("partnerId", "reports do not tell pushed events apart"),
            Map.entry("externalId", "a partner's own id means nothing to a report"));

    /** Read-model columns that are the model's own bookkeeping, not a fact's property. */
    static final Set<String> BOOKKEEPING = Set.of("updated_at");

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPropertyOfAnEventsFactIsKeptByTheReportsOrNamedAsLeftOut() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String id = given().auth().oauth2(Gateway.organizer(org)).contentType(ContentType.JSON)
                .body(Map.of("titleZh", "无障碍科普讲座 " + UUID.randomUUID(), "type", "LECTURE", "startsAt",
                        "2024-09-21T09:00:00+08:00", "endsAt", "2024-09-21T11:00:00+08:00", "divisionCode", "440106",
                        "themes", List.of("HEALTH"), "audiences", List.of("ELDERLY"), "accessibility",
                        List.of("SIGN_LANGUAGE"), "capacity", 80, "responsibleUnits", List.of("天河区科协")))
                .when().post("/api/v1/events").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Gateway.organizer(org)).when().post("/api/v1/events/" + id + "/publish").then()
                .statusCode(200);

        List<String> facts = FactReader.values(KepuSystem.KAFKA, "kepu.events", id, 1, Duration.ofSeconds(30));
        assertEquals(1, facts.size(), "the published fact of " + id);
        JsonNode fact = JSON.readTree(facts.get(0)).get("data");

        Map<String, Object> row = new HashMap<>();
        await("reporting keeps the event").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    row.clear();
                    row.putAll(eventSummary(id));
                    return !row.isEmpty();
                });

        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = fact.fieldNames(); names.hasNext();) {
            String name = names.next();
            String column = "id".equals(name) ? "event_id" : snakeCase(name);
            boolean kept = row.containsKey(column);
            if (LEFT_OUT_OF_EVENT_SUMMARY.containsKey(name)) {
                if (kept) {
                    problems.add(name + " is named as left out, yet kept as " + column);
                }
            } else if (!kept) {
                problems.add(name + " is not kept (add column " + column + ", or name it as left out with why)");
            } else if (!FieldDrift.same(row.get(column), fact.get(name))) {
                problems.add(name + ": fact " + fact.get(name) + ", read model " + row.get(column));
            }
        }
        for (String column : row.keySet()) {
            String property = "event_id".equals(column) ? "id" : camelCase(column);
            if (!BOOKKEEPING.contains(column) && !fact.has(property)) {
                problems.add("column " + column + " has no property " + property + " in the fact to come from");
            }
        }
        assertTrue(problems.isEmpty(), "event_summary against kepu.event.published: " + problems);
    }

    private static Map<String, Object> eventSummary(String id) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/kepu_reporting_test",
                "kepu_reporting", System.getenv("KEPU_REPORTING_DB_PASSWORD"));
                var query = db.prepareStatement("SELECT * FROM event_summary WHERE event_id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rows.next()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        Object value = rows.getObject(c);
                        if (value instanceof java.sql.Array array) {
                            value = List.of((Object[]) array.getArray());
                        } else if (value instanceof java.sql.Timestamp time) {
                            value = time.toInstant();
                        } else if (value instanceof String text) {
                            value = text.trim(); // CHAR(n) columns come padded
                        }
                        row.put(columns.getColumnName(c), value);
                    }
                }
                return row;
            }
        }
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    private static String camelCase(String column) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
