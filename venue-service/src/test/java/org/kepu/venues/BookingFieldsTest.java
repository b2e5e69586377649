package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.stored;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FieldDrift;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.VisitSlot;
import org.kepu.venues.messaging.BookingFacts;
import org.kepu.venues.repository.VenueRepository;
import org.kepu.venues.repository.VisitBookingRepository;
import org.kepu.venues.repository.VisitSlotRepository;
import org.kepu.venues.service.BookingRequest;
import org.kepu.venues.service.SlotRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No layer forgets a field of a visit slot or a booking: every field of the requests goes in through the API and lands
 * in the entities, and every field of the entities comes back out in the views and in the facts on
 * {@code kepu.bookings} with the same value, or is named below as deliberately left out, with why. Reporting's read
 * model is checked by the system tests' {@code FactFieldsInReadModelsTest}.
 */
@QuarkusTest
class BookingFieldsTest {

    private static final String SLOT_BOOKKEEPING = "bookkeeping: slots are not changed with If-Match, and when one"
            + " was published tells a visitor nothing";

    /** Slot fields its view does not show as themselves, and why. */
    static final Map<String, String> LEFT_OUT_OF_SLOT_VIEW = Map.of(
            // BookingViewMapper's list.
            "createdAt", SLOT_BOOKKEEPING, "version", SLOT_BOOKKEEPING,
            // What MapStruct does not see.
            "bookedSeats", "shown as seatsLeft, what a school needs (checked below)");

    private static final String FOR_VISITORS = "reports count seats by the slot's start and place; when it ends, for"
            + " whom and its notes are for visitors";

    /** Slot fields the {@code kepu.visit-slot.*} and {@code kepu.booking.*} facts do not carry, and why. */
    static final Map<String, String> LEFT_OUT_OF_SLOT_FACT = Map.of(
            // BookingFactMapper's list.
            "endsAt", FOR_VISITORS, "audience", FOR_VISITORS, "notes", FOR_VISITORS,
            "createdAt", "bookkeeping: a slot's facts stay in order on the venue's key",
            "version", "the fact's version is a booking's",
            // What MapStruct does not see.
            "status", "the fact's type says it: kepu.visit-slot.published or kepu.visit-slot.closed");

    /** Where the facts carry a slot's fields under the names a booking's fact gives them. */
    static final Map<String, String> SLOT_IN_FACT = Map.of("id", "slotId", "startsAt", "slotStartsAt", "capacity",
            "slotCapacity", "bookedSeats", "slotBookedSeats");

    private static final String SECRET = "a secret: the booker holds the token, the service only its hash";

    /** Booking fields its views do not show as themselves, and why. */
    static final Map<String, String> LEFT_OUT_OF_BOOKING_VIEW = Map.of(
            // BookingViewMapper's list.
            "updatedAt", "bookkeeping: the version tells a change",
            // What MapStruct does not see.
            "manageTokenHash", SECRET);

    private static final String CONTACT = "never a contact: the school and its leader stay in the service";

    /** Booking fields the {@code kepu.booking.*} facts do not carry, and why. */
    static final Map<String, String> LEFT_OUT_OF_BOOKING_FACT = Map.ofEntries(
            // BookingFactMapper's list.
            entry("school", CONTACT), entry("grade", CONTACT), entry("leaderName", CONTACT),
            entry("leaderPhone", CONTACT), entry("createdAt", "bookkeeping: the version orders a booking's facts"),
            entry("updatedAt", "bookkeeping: the version orders a booking's facts"),
            // What MapStruct does not see.
            entry("rejectReason", "what the school reads stays with the API; reports count rejections by status"),
            entry("manageTokenHash", SECRET));

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VenueRepository venues;

    @Inject
    VisitSlotRepository slots;

    @Inject
    VisitBookingRepository bookings;

    @Test
    void everyRequestFieldReachesTheEntitiesAndEveryEntityFieldReachesTheViewsAndTheFacts() throws Exception {
        String venue = BookingTest.venueWithManager();
        LocalDate day = BookingTest.NEXT_WEEK;
        Map<String, Object> slotRequest = new HashMap<>(BookingTest.slot(day, "09:30", "11:00", 100));
        slotRequest.putAll(Map.of("until", day.toString(), "days", List.of(day.getDayOfWeek().name()), "audience",
                "YOUTH", "notes", "适合小学四至六年级，含球幕电影"));
        FieldDrift.assertSetsEvery(SlotRequest.class, slotRequest);
        String slot = BookingTest.publish(venue, slotRequest).statusCode(201).extract().path("items[0].id");
        Map<String, Object> published = FieldDrift.fieldsOf(stored(slots, slot));
        // The date, the times and the weekly pattern make the slot's start and end.
        FieldDrift.assertHolds("the stored slot", FieldDrift.only(slotRequest, "capacity", "audience", "notes"),
                published, Map.of());
        assertEquals(day.atTime(LocalTime.of(9, 30)).atZone(OpeningHours.ZONE).toInstant(),
                ((OffsetDateTime) published.get("startsAt")).toInstant(), "the slot's start");
        assertEquals(day.atTime(LocalTime.of(11, 0)).atZone(OpeningHours.ZONE).toInstant(),
                ((OffsetDateTime) published.get("endsAt")).toInstant(), "the slot's end");

        Map<String, Object> bookingRequest = Map.of("size", 40, "school", "广州市天河区华阳小学", "grade", "五年级（3）班",
                "leaderName", "王老师", "leaderPhone", "13800138000");
        FieldDrift.assertSetsEvery(BookingRequest.class, bookingRequest);
        String rejected = book(venue, slot, bookingRequest);
        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of("reason", "场馆临时布展，请改约其他时段"))
                .when().post("/api/v1/bookings/" + rejected + "/reject").then().statusCode(200);
        String attended = book(venue, slot, Map.of("size", 30, "school", "广州市越秀区东风西路小学", "grade", "四年级（1）班",
                "leaderName", "李老师", "leaderPhone", "13900139000"));
        moveIntoThePast(slot);
        asManager("manager-" + venue).contentType(ContentType.JSON).body(Map.of("attended", 28)).when()
                .put("/api/v1/bookings/" + attended + "/attendance").then().statusCode(200);
        asManager("manager-" + venue).when().post("/api/v1/venues/" + venue + "/slots/" + slot + "/close").then()
                .statusCode(200);

        Map<String, Object> slotFields = FieldDrift.fieldsOf(stored(slots, slot));
        Map<String, Object> rejectedFields = FieldDrift.fieldsOf(stored(bookings, rejected));
        Map<String, Object> attendedFields = FieldDrift.fieldsOf(stored(bookings, attended));
        Map<String, Object> place = FieldDrift.only(FieldDrift.fieldsOf(stored(venues, venue)), "divisionCode",
                "cityCode", "economicRegion");
        FieldDrift.assertHolds("the stored booking", bookingRequest, rejectedFields, Map.of());

        LocalDate today = LocalDate.now(OpeningHours.ZONE);
        JsonNode slotList = JSON.readTree(given().queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.toString()).when().get("/api/v1/venues/" + venue + "/slots").then()
                .statusCode(200).extract().asString());
        JsonNode slotView = slotList.get("items").get(0);
        FieldDrift.assertCarries("the slot's view", slotView, slotFields, LEFT_OUT_OF_SLOT_VIEW.keySet());
        assertEquals((int) slotFields.get("capacity") - (int) slotFields.get("bookedSeats"),
                slotView.get("seatsLeft").asInt(), "seats left");
        Map<String, String> slotTimes = Map.of("startsAt", "slotStartsAt", "endsAt", "slotEndsAt");
        for (Map<String, Object> booking : List.of(rejectedFields, attendedFields)) {
            JsonNode view = managersView(venue, booking.get("id"));
            FieldDrift.assertCarries("the booking's view", view, booking, LEFT_OUT_OF_BOOKING_VIEW.keySet());
            FieldDrift.assertCarries("the booking's view", view, FieldDrift.only(slotFields, "startsAt", "endsAt"),
                    slotTimes, Set.of());
        }

        // Published, two bookings confirmed, one rejected, the other attended, the slot closed.
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, BookingFacts.TOPIC, venue, 6, Duration.ofSeconds(30));
        assertEquals(List.of(BookingFacts.SLOT_PUBLISHED, BookingFacts.CONFIRMED, BookingFacts.REJECTED,
                BookingFacts.CONFIRMED, BookingFacts.ATTENDED, BookingFacts.SLOT_CLOSED),
                facts.stream().map(FactReader::typeOf).toList());
        JsonNode attendedFact = JSON.readTree(facts.get(4)).get("data");
        FieldDrift.assertCarries("the kepu.booking.attended fact", attendedFact, attendedFields,
                Map.of("id", "bookingId"), LEFT_OUT_OF_BOOKING_FACT.keySet());
        // Its slot's seats after the change; the slot's whole check is on the slot's own fact below.
        FieldDrift.assertCarries("the kepu.booking.attended fact", attendedFact,
                FieldDrift.only(slotFields, SLOT_IN_FACT.keySet().toArray(String[]::new)), SLOT_IN_FACT, Set.of());
        FieldDrift.assertCarries("the kepu.booking.attended fact", attendedFact, place, Set.of());
        JsonNode closedFact = JSON.readTree(facts.get(5)).get("data");
        FieldDrift.assertCarries("the kepu.visit-slot.closed fact", closedFact, slotFields, SLOT_IN_FACT,
                LEFT_OUT_OF_SLOT_FACT.keySet());
        FieldDrift.assertCarries("the kepu.visit-slot.closed fact", closedFact, place, Set.of());
    }

    private static String book(String venue, String slot, Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).when()
                .post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings").then().statusCode(201).extract()
                .path("booking.id");
    }

    /** A booking as a manager reads it alone: the whole contact. */
    private static JsonNode managersView(String venue, Object booking) throws Exception {
        return JSON.readTree(asManager("manager-" + venue).when().get("/api/v1/bookings/" + booking).then()
                .statusCode(200).extract().asString());
    }

    /** The slot began two hours ago, so that who came can be recorded (no slot can be published in the past). */
    private void moveIntoThePast(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            VisitSlot slot = slots.findById(UUID.fromString(id));
            slot.startsAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
            slot.endsAt = slot.startsAt.plusMinutes(90);
        });
    }
}
