package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.assignManager;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.venues.messaging.BookingFacts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Schools book class visits; venue managers publish slots and handle the bookings. */
@QuarkusTest
class BookingTest {

    @Inject
    EntityManager entityManager;

    /** A date next week, so that a slot on it is still to come. */
    static final LocalDate NEXT_WEEK = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);

    /** A venue open daily 09:00–17:00 with its own manager; returns its id (the manager is "manager-" + id). */
    static String venueWithManager() {
        String id = register(scienceCentre("预约科技馆 " + UUID.randomUUID()));
        Venues.openDaily(id);
        assignManager(id, "manager-" + id);
        return id;
    }

    static ValidatableResponse publish(String venueId, Map<String, Object> slot) {
        return asManager("manager-" + venueId).contentType(ContentType.JSON).body(slot).when()
                .post("/api/v1/venues/" + venueId + "/slots").then();
    }

    static Map<String, Object> slot(LocalDate date, String opens, String closes, int capacity) {
        return new HashMap<>(Map.of("date", date.toString(), "opens", opens, "closes", closes, "capacity", capacity));
    }

    static String oneSlot(String venueId, int capacity) {
        return publish(venueId, slot(NEXT_WEEK, "09:30", "11:00", capacity)).statusCode(201).extract()
                .path("items[0].id");
    }

    static ValidatableResponse book(String venueId, String slotId, int size, String phone) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("size", size, "school", "广州市天河区华阳小学", "grade", "五年级（3）班", "leaderName", "王老师",
                        "leaderPhone", phone))
                .when().post("/api/v1/venues/" + venueId + "/slots/" + slotId + "/bookings").then();
    }

    void moveIntoThePast(String slotId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE visit_slot SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'"
                        + " WHERE id = CAST(:id AS uuid)")
                .setParameter("id", slotId).executeUpdate());
    }

    @Test
    void managersPublishSlotsWithinOpeningHoursAndNeverOverlapping() {
        String venue = venueWithManager();
        oneSlot(venue, 100);
        publish(venue, slot(NEXT_WEEK, "08:00", "10:00", 50)).statusCode(400)
                .body("errors[0].field", equalTo("opens")).body("errors[0].message", containsString("09:00–17:00"));
        publish(venue, slot(NEXT_WEEK, "10:30", "12:00", 50)).statusCode(409)
                .body("type", containsString("slot-overlaps"));
        publish(venue, slot(NEXT_WEEK, "11:00", "10:00", 50)).statusCode(400).body("errors[0].field", equalTo("closes"));
        publish(venue, slot(LocalDate.now().minusDays(3), "09:30", "11:00", 50)).statusCode(400);
        Map<String, Object> pattern = slot(NEXT_WEEK, "14:00", "15:30", 60);
        pattern.put("until", NEXT_WEEK.plusDays(27).toString());
        pattern.put("days", List.of("TUESDAY", "THURSDAY"));
        publish(venue, pattern).statusCode(201).body("items", hasSize(8)).body("items.seatsLeft", everyItem(equalTo(60)));
        given().queryParam("from", NEXT_WEEK.toString()).queryParam("to", NEXT_WEEK.plusDays(30).toString()).when()
                .get("/api/v1/venues/" + venue + "/slots").then().statusCode(200).body("items", hasSize(9));

        String other = venueWithManager();
        asManager("manager-" + other).contentType(ContentType.JSON).body(slot(NEXT_WEEK, "09:30", "11:00", 10)).when()
                .post("/api/v1/venues/" + venue + "/slots").then().statusCode(403);
    }

    @Test
    void aSchoolBooksWholeOrNotAtAllAndCancelsWithItsToken() {
        String venue = venueWithManager();
        String slot = oneSlot(venue, 100);
        JsonPath receipt = book(venue, slot, 40, "13800138000").statusCode(201)
                .body("booking.status", equalTo("CONFIRMED")).body("booking.leaderPhone", equalTo("13800138000"))
                .extract().jsonPath();
        String booking = receipt.getString("booking.id");
        String token = receipt.getString("manageToken");
        book(venue, slot, 70, "13900139000").statusCode(409).body("type", containsString("slot-full"))
                .body("detail", containsString("60 seats are left"));

        given().header("Booking-Token", token).when().get("/api/v1/bookings/" + booking).then().statusCode(200)
                .body("leaderPhone", equalTo("13800138000")).body("slotId", equalTo(slot));
        given().header("Booking-Token", "not-the-token").when().get("/api/v1/bookings/" + booking).then().statusCode(404);
        asManager("manager-" + venue).when().get("/api/v1/venues/" + venue + "/bookings").then().statusCode(200)
                .body("items[0].leaderPhone", equalTo("138****8000")).body("total", equalTo(1));
        asManager("manager-" + venueWithManager()).when().get("/api/v1/venues/" + venue + "/bookings").then()
                .statusCode(403);

        given().header("Booking-Token", token).when().post("/api/v1/bookings/" + booking + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        given().header("Booking-Token", token).when().post("/api/v1/bookings/" + booking + "/cancel").then()
                .statusCode(409);
        given().queryParam("from", NEXT_WEEK.toString()).queryParam("to", NEXT_WEEK.toString()).when()
                .get("/api/v1/venues/" + venue + "/slots").then().body("items[0].seatsLeft", equalTo(100));
        book(venue, slot, 100, "13900139000").statusCode(201);
    }

    @Test
    void managersRejectWithAReasonAndRecordWhoCame() {
        String venue = venueWithManager();
        String slot = oneSlot(venue, 100);
        String first = book(venue, slot, 45, "13700137000").statusCode(201).extract().path("booking.id");
        String second = book(venue, slot, 30, "13600136000").statusCode(201).extract().path("booking.id");

        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/v1/bookings/" + second + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        asManager("manager-" + venueWithManager()).contentType(ContentType.JSON).body(Map.of("reason", "x")).when()
                .post("/api/v1/bookings/" + second + "/reject").then().statusCode(403);
        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of("reason", "场馆临时布展")).when()
                .post("/api/v1/bookings/" + second + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectReason", equalTo("场馆临时布展"));
        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of("attended", 43)).when()
                .put("/api/v1/bookings/" + first + "/attendance").then().statusCode(409)
                .body("type", containsString("slot-not-begun"));

        moveIntoThePast(slot);
        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of("attended", 46)).when()
                .put("/api/v1/bookings/" + first + "/attendance").then().statusCode(400);
        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of("attended", 43)).when()
                .put("/api/v1/bookings/" + first + "/attendance").then().statusCode(200)
                .body("status", equalTo("ATTENDED")).body("attended", equalTo(43));
        // A slot that has begun takes no more bookings.
        book(venue, slot, 1, "13500135000").statusCode(409).body("type", containsString("slot-past"));
    }

    @Test
    void aClosedSlotOrAVenueClosedForAWhileTakesNoBooking() {
        String venue = venueWithManager();
        String slot = oneSlot(venue, 100);
        asManager("manager-" + venue).when().post("/api/v1/venues/" + venue + "/slots/" + slot + "/close").then()
                .statusCode(200).body("status", equalTo("CLOSED"));
        book(venue, slot, 10, "13400134000").statusCode(409).body("type", containsString("slot-closed"));

        String open = publish(venue, slot(NEXT_WEEK.plusDays(1), "09:30", "11:00", 100)).statusCode(201).extract()
                .path("items[0].id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "闭馆维修")).when()
                .post("/api/v1/venues/" + venue + "/status").then().statusCode(200);
        book(venue, open, 10, "13400134000").statusCode(409).body("type", containsString("venue-not-receiving"));
        book(venue, UUID.randomUUID().toString(), 10, "13400134000").statusCode(404);
    }

    @Test
    void theExportIsExcelReadyWithPhonesMasked() {
        String venue = venueWithManager();
        String slot = oneSlot(venue, 100);
        book(venue, slot, 40, "13800138000").statusCode(201);
        byte[] csv = asManager("manager-" + venue).when().get("/api/v1/venues/" + venue + "/bookings.csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF预约编号,"), text);
        assertTrue(text.contains("138****8000"), text);
        assertFalse(text.contains("13800138000"), text);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyBooksOnce() {
        String venue = venueWithManager();
        String slot = oneSlot(venue, 100);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("size", 30, "school", "华阳小学", "leaderName", "李老师", "leaderPhone",
                "13300133000");
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings").then().statusCode(201).extract()
                .path("booking.id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings").then().statusCode(201)
                .body("booking.id", equalTo(first));
        given().queryParam("from", NEXT_WEEK.toString()).queryParam("to", NEXT_WEEK.toString()).when()
                .get("/api/v1/venues/" + venue + "/slots").then().body("items[0].seatsLeft", equalTo(70));
    }

    @Test
    void everyChangeIsAFactWithSizesAndNoContact() throws Exception {
        String venue = venueWithManager();
        String slot = oneSlot(venue, 100);
        JsonPath receipt = book(venue, slot, 40, "13800138000").statusCode(201).extract().jsonPath();
        given().header("Booking-Token", receipt.getString("manageToken")).when()
                .post("/api/v1/bookings/" + receipt.getString("booking.id") + "/cancel").then().statusCode(200);

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, BookingFacts.TOPIC, venue, 3, Duration.ofSeconds(20));
        assertEquals(List.of(BookingFacts.SLOT_PUBLISHED, BookingFacts.CONFIRMED, BookingFacts.CANCELLED),
                facts.stream().map(FactReader::typeOf).toList());
        assertTrue(facts.get(1).contains("\"size\":40") && facts.get(1).contains("\"slotBookedSeats\":40"), facts.get(1));
        assertFalse(facts.stream().anyMatch(fact -> fact.contains("13800138000") || fact.contains("王老师")));
    }
}
