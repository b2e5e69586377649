package org.kepu.system;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
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
import io.restassured.specification.RequestSpecification;

/**
 * No consumer forgets a field of a fact: every property of each aggregate's fact, as its service really writes it, is
 * kept by reporting's read model of it with the same value, or is named below as deliberately left out, with why; and
 * every column of the read model comes from the fact. A property added to a fact fails here until reporting keeps it
 * or the list says why it does not.
 */
@ExtendWith(KepuSystem.class)
class FactFieldsInReadModelsTest {

    /** What the event read model does not keep of a {@code kepu.event.*} fact, and why. */
    static final Map<String, String> LEFT_OUT_OF_EVENT_SUMMARY = Map.ofEntries(
            entry("titleZh", "reports count events; titles are the API's"),
            entry("titleEn", "reports count events; titles are the API's"),
            entry("seriesId", "no report groups by series yet"),
            entry("audiences", "no report counts by audience yet"),
            entry("accessibility", "no report counts accessible events yet"),
            entry("endsAt", "reports place an event in time by its start"),
            entry("venueId", "venues are counted from their own facts"),
            entry("responsibleUnits", "plans track units by their tasks, not by events"),
            entry("capacity", "seats are counted from registration facts"),
            entry("publishedAt", "the status says whether it is published"),
            entry("cancelReason", "reports count cancellations, not their reasons"),
            entry("partnerId", "reports do not tell pushed events apart"),
            entry("externalId", "a partner's own id means nothing to a report"));

    /** What the venue read model does not keep of a {@code kepu.venue.*} fact, and why. */
    static final Map<String, String> LEFT_OUT_OF_VENUE_SUMMARY = Map.of(
            "nameEn", "reports name venues as the province does, in Chinese",
            "category", "it follows from the kind, which is kept",
            "latitude", "reports count venues by division, city and region, not by point",
            "longitude", "reports count venues by division, city and region, not by point",
            "themes", "no report counts venues by theme yet",
            "audiences", "no report counts venues by audience yet",
            "capacity", "no report sums venues' capacity yet",
            "certification.lastEvaluatedYear", "no report follows yearly evaluations yet",
            "move", "reports count bases by their standing; the moves are venue-service's history");

    /** What the registration read model does not keep of a {@code kepu.registration.*} fact, and why. */
    static final Map<String, String> LEFT_OUT_OF_REGISTRATION_SUMMARY = Map.of(
            "kind", "reports count people, not whether they came alone or as a group",
            "seats", "reports sum the registrations' own rows; the event's counts are for consumers that keep none");

    /** What the booking read model does not keep of a {@code kepu.booking.*} fact, and why. */
    static final Map<String, String> LEFT_OUT_OF_BOOKING_SUMMARY = Map.of(
            "slotCapacity", "reports count school visits and the people in them, not a slot's seats",
            "slotBookedSeats", "reports count school visits and the people in them, not a slot's seats");

    /** What the touring-stop read model does not keep of a {@code kepu.tour-stop.*} fact, and why. */
    static final Map<String, String> LEFT_OUT_OF_TOUR_STOP_SUMMARY = Map.of(
            "name", "reports count stops, not tours by name",
            "year", "a stop's dates place it in its year",
            "version", "a unit's facts arrive in order on its key, so the newest applied is the newest made");

    /**
     * Read-model columns that are not a fact's property: the model's own bookkeeping, and the sums an event's row
     * carries of its registrations (kept from the registrations' facts by reporting's triggers, V9).
     */
    static final Set<String> BOOKKEEPING = Set.of("updated_at", "registrations", "registered_people",
            "checked_in_people", "participants_fresh");

    /**
     * A read model: its table, the column keying its rows, the columns of the fact's properties that are not their
     * paths in snake case (see {@link FieldDrift#assertKeeps}), and what it leaves out of the fact, with why.
     */
    record ReadModel(String table, String key, Map<String, String> columns, Map<String, String> leftOut) {
    }

    static final ReadModel EVENT_SUMMARY = new ReadModel("event_summary", "event_id", Map.of("id", "event_id"),
            LEFT_OUT_OF_EVENT_SUMMARY);
    static final ReadModel VENUE_SUMMARY = new ReadModel("venue_summary", "venue_id",
            Map.of("id", "venue_id", "certification", "cert_"), LEFT_OUT_OF_VENUE_SUMMARY);
    static final ReadModel REGISTRATION_SUMMARY = new ReadModel("registration_summary", "registration_id", Map.of(),
            LEFT_OUT_OF_REGISTRATION_SUMMARY);
    static final ReadModel BOOKING_SUMMARY = new ReadModel("booking_summary", "booking_id", Map.of(),
            LEFT_OUT_OF_BOOKING_SUMMARY);
    // A stop's properties are kept unprefixed: the row is the stop's.
    static final ReadModel TOUR_STOP_SUMMARY = new ReadModel("tour_stop_summary", "stop_id",
            Map.of("stop", "", "stop.id", "stop_id"), LEFT_OUT_OF_TOUR_STOP_SUMMARY);

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPropertyOfAnEventsFactIsKeptByTheReportsOrNamedAsLeftOut() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String id = Gateway.publishEvent(org, Map.of("titleZh", "无障碍科普讲座 " + UUID.randomUUID(), "type", "LECTURE",
                "startsAt", "2024-09-21T09:00:00+08:00", "endsAt", "2024-09-21T11:00:00+08:00", "divisionCode",
                "440106", "themes", List.of("HEALTH"), "audiences", List.of("ELDERLY"), "accessibility",
                List.of("SIGN_LANGUAGE"), "capacity", 80, "responsibleUnits", List.of("天河区科协")));

        JsonNode fact = lastFact("kepu.events", id, 1);
        assertKept(EVENT_SUMMARY, id, fact, "version", fact.get("version"));
    }

    @Test
    void everyPropertyOfAVenuesFactIsKeptByTheReportsOrNamedAsLeftOut() throws Exception {
        String id = admin().contentType(ContentType.JSON).body(Map.of("nameZh", "梅州客家科普教育基地 " + UUID.randomUUID(),
                "nameEn", "Meizhou Hakka Science Base", "kind", "EDUCATION_BASE", "divisionCode", "441402",
                "latitude", 24.29, "longitude", 116.12, "themes", List.of("ECOLOGY"), "audiences", List.of("YOUTH"),
                "capacity", 600)).when().post("/api/v1/venues").then().statusCode(201).extract().path("id");
        admin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "展厅改造")).when()
                .post("/api/v1/venues/" + id + "/status").then().statusCode(200);
        certify(id, Map.of("move", "APPLY"));
        certify(id, Map.of("move", "CERTIFY", "level", "PROVINCIAL", "validFrom", "2024-01-01", "validUntil",
                "2028-12-31"));
        certify(id, Map.of("move", "EVALUATE", "year", 2025, "score", 92, "result", "EXCELLENT"));

        // Registered, closed for a while, three certification moves: the last carries the move and the standing.
        JsonNode fact = lastFact("kepu.venues", id, 5);
        assertKept(VENUE_SUMMARY, id, fact, "version", fact.get("version"));
    }

    @Test
    void everyPropertyOfARegistrationsFactIsKeptByTheReportsOrNamedAsLeftOut() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String event = Gateway.publishEvent(org, Map.of("titleZh", "科学之夜 " + UUID.randomUUID(), "type", "LECTURE",
                "startsAt", "2024-05-25T19:00:00+08:00", "endsAt", "2024-05-25T21:00:00+08:00", "divisionCode",
                "440106", "capacity", 50, "takesRegistrations", true));
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "GROUP", "size", 3, "name", "李老师",
                "phone", "13812341234", "organization", "华阳小学 四年级2班")).when()
                .post("/api/v1/events/" + event + "/registrations").then().statusCode(201).extract()
                .path("registration.id");
        given().auth().oauth2(Gateway.organizer(org)).contentType(ContentType.JSON)
                .body(Map.of("registrationId", id)).when().post("/api/v1/events/" + event + "/check-ins").then()
                .statusCode(200);

        // Keyed by the event: confirmed, then checked in.
        JsonNode fact = lastFact("kepu.registrations", event, 2);
        assertKept(REGISTRATION_SUMMARY, id, fact, "version", fact.get("version"));
    }

    @Test
    void everyPropertyOfABookingsFactIsKeptByTheReportsOrNamedAsLeftOut() throws Exception {
        String venue = admin().contentType(ContentType.JSON).body(Map.of("nameZh", "预约科技馆 " + UUID.randomUUID(),
                "kind", "SCIENCE_MUSEUM", "divisionCode", "440106", "latitude", 23.12, "longitude", 113.33)).when()
                .post("/api/v1/venues").then().statusCode(201).extract().path("id");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        admin().header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("weekly", Map.of(day.getDayOfWeek().name(), List.of(Map.of("opens", "09:00", "closes",
                        "17:00")))))
                .when().put("/api/v1/venues/" + venue + "/opening-hours").then().statusCode(200);
        String slot = admin().contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "opens", "09:30", "closes", "11:00", "capacity", 60)).when()
                .post("/api/v1/venues/" + venue + "/slots").then().statusCode(201).extract().path("items[0].id");
        String id = given().contentType(ContentType.JSON).body(Map.of("size", 45, "school", "华阳小学", "grade", "五年级",
                "leaderName", "王老师", "leaderPhone", "13800138000")).when()
                .post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings").then().statusCode(201).extract()
                .path("booking.id");
        slotBegun(slot);
        admin().contentType(ContentType.JSON).body(Map.of("attended", 43)).when()
                .put("/api/v1/bookings/" + id + "/attendance").then().statusCode(200);

        // Keyed by the venue: the slot published, the booking confirmed, then attended.
        JsonNode fact = lastFact("kepu.bookings", venue, 3);
        assertKept(BOOKING_SUMMARY, id, fact, "version", fact.get("version"));
    }

    @Test
    void everyPropertyOfATourStopsFactIsKeptByTheReportsOrNamedAsLeftOut() throws Exception {
        String unit = admin().contentType(ContentType.JSON)
                .body(Map.of("nameZh", "科普大篷车 " + UUID.randomUUID(), "kind", "CARAVAN", "divisionCode", "441802"))
                .when().post("/api/v1/venues").then().statusCode(201).extract().path("id");
        String tour = admin().contentType(ContentType.JSON)
                .body(Map.of("unitId", unit, "name", "2024年科普大篷车粤北行", "year", 2024)).when()
                .post("/api/v1/tours").then().statusCode(201).extract().path("id");
        String stop = admin().contentType(ContentType.JSON)
                .body(Map.of("placeName", "乳源瑶族自治县中心小学", "divisionCode", "440232", "latitude", 24.78,
                        "longitude", 113.28, "startsOn", "2024-10-14", "endsOn", "2024-10-15", "setting", "SCHOOL"))
                .when().post("/api/v1/tours/" + tour + "/stops").then().statusCode(201).extract().path("id");
        admin().contentType(ContentType.JSON).body(Map.of("visitors", 860)).when()
                .put("/api/v1/tours/" + tour + "/stops/" + stop + "/visitors").then().statusCode(200);

        // Keyed by the unit: the tour created, the stop added, its visitors reported.
        JsonNode fact = lastFact("kepu.tours", unit, 3);
        assertKept(TOUR_STOP_SUMMARY, stop, fact, "visitors", FieldDrift.at(fact, "stop.visitors"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Gateway.admin());
    }

    private static void certify(String venue, Map<String, Object> move) {
        admin().contentType(ContentType.JSON).body(move).when()
                .post("/api/v1/venues/" + venue + "/certification/moves").then().statusCode(201);
    }

    /** The data of the newest of the {@code count} facts a service wrote under {@code key}. */
    private static JsonNode lastFact(String topic, String key, int count) throws Exception {
        List<String> facts = FactReader.values(KepuSystem.KAFKA, topic, key, count, Duration.ofSeconds(30));
        assertEquals(count, facts.size(), "the facts under " + key + " on " + topic);
        return JSON.readTree(facts.get(count - 1)).get("data");
    }

    /**
     * The read model keeps the fact: checked once its row holds {@code value} in {@code column} (the fact's version, or
     * what the fact last changed), so that the row compared is the one the fact made.
     */
    private static void assertKept(ReadModel model, String id, JsonNode fact, String column, JsonNode value) {
        Map<String, Object> row = new HashMap<>();
        await(model.table() + " keeps " + id).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    row.clear();
                    row.putAll(row(model, id));
                    return FieldDrift.same(row.get(column), value);
                });
        FieldDrift.assertKeeps(model.table() + " against its fact", fact, row, model.columns(),
                model.leftOut().keySet(), BOOKKEEPING);
    }

    private static Map<String, Object> row(ReadModel model, String id) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/kepu_reporting_test",
                "kepu_reporting", System.getenv("KEPU_REPORTING_DB_PASSWORD"));
                // Table and column are this class's constants, never input.
                PreparedStatement query = db
                        .prepareStatement("SELECT * FROM " + model.table() + " WHERE " + model.key() + " = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rows.next()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnName(c), javaValue(rows.getObject(c)));
                    }
                }
                return row;
            }
        }
    }

    /** A column's value as the fact's JSON reads it. */
    private static Object javaValue(Object value) throws SQLException {
        if (value instanceof java.sql.Array array) {
            return List.of((Object[]) array.getArray());
        } else if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        } else if (value instanceof String text) {
            return text.trim(); // CHAR(n) columns come padded
        }
        return value;
    }

    /** The slot began two hours ago, so that who came can be recorded (no slot can be published in the past). */
    static void slotBegun(String slot) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/kepu_venue_test",
                "kepu_venue", System.getenv("KEPU_VENUE_DB_PASSWORD"));
                PreparedStatement begin = db.prepareStatement(
                        "UPDATE visit_slot SET starts_at = now() - interval '2 hours', ends_at = now() WHERE id = ?::uuid")) {
            begin.setString(1, slot);
            assertEquals(1, begin.executeUpdate(), "the slot moved");
        }
    }
}
