package org.kepu.venues;

import org.kepu.common.testing.TestSeed;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.venues.BookingTest.NEXT_WEEK;
import static org.kepu.venues.Venues.asManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.InParallel;
import org.kepu.venues.messaging.BookingFacts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A booking rush at one popular slot: classes of mixed sizes book at once. The slot is never overbooked, and the
 * database, the API and the facts hold the same set of confirmed bookings.
 */
@QuarkusTest
@ExtendWith(TestSeed.class)
class BookingConcurrencyTest {

    @Test
    void threeHundredParallelBookingsNeverOverbookASlot() throws Exception {
        String venue = BookingTest.venueWithManager();
        String slot = BookingTest.oneSlot(venue, 500);
        Random random = TestSeed.random("threeHundredParallelBookingsNeverOverbookASlot");
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int size = 1 + random.nextInt(10);
            String phone = "139" + String.format("%08d", i);
            attempts.add(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("size", size, "school", "第" + size + "小学", "leaderName", "老师", "leaderPhone", phone))
                    .when().post("/api/v1/venues/" + venue + "/slots/" + slot + "/bookings"));
        }
        List<Response> answers = InParallel.all(attempts);

        int confirmedSeats = 0;
        Set<String> confirmed = new HashSet<>();
        for (Response answer : answers) {
            if (answer.statusCode() == 201) {
                confirmedSeats += answer.jsonPath().getInt("booking.size");
                confirmed.add(answer.jsonPath().getString("booking.id"));
            } else {
                assertEquals(409, answer.statusCode(), answer.asString());
                assertTrue(answer.asString().contains("slot-full"), answer.asString());
            }
        }
        assertTrue(confirmedSeats <= 500, "confirmed " + confirmedSeats);
        assertTrue(confirmedSeats > 450, "a rush of ~1650 seats left only " + (500 - confirmedSeats) + " free");

        JsonPath slots = given().queryParam("from", NEXT_WEEK.toString()).queryParam("to", NEXT_WEEK.toString()).when()
                .get("/api/v1/venues/" + venue + "/slots").then().statusCode(200).extract().jsonPath();
        assertEquals(500 - confirmedSeats, slots.getInt("items[0].seatsLeft"));
        JsonPath listed = asManager("manager-" + venue).queryParam("status", "CONFIRMED").queryParam("size", 100)
                .queryParam("page", 0).when().get("/api/v1/venues/" + venue + "/bookings").then().statusCode(200)
                .extract().jsonPath();
        Set<String> listedIds = new HashSet<>(listed.getList("items.id"));
        for (int page = 1; page * 100 < listed.getInt("total"); page++) {
            listedIds.addAll(asManager("manager-" + venue).queryParam("status", "CONFIRMED").queryParam("size", 100)
                    .queryParam("page", page).when().get("/api/v1/venues/" + venue + "/bookings").then().extract()
                    .jsonPath().getList("items.id"));
        }
        assertEquals(confirmed, listedIds);

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, BookingFacts.TOPIC, venue, 1 + confirmed.size(),
                Duration.ofSeconds(30));
        Set<String> inFacts = new HashSet<>();
        int seatsInFacts = 0;
        for (String fact : facts) {
            if (FactReader.typeOf(fact).equals(BookingFacts.CONFIRMED)) {
                inFacts.add(JsonPath.from(fact).getString("data.bookingId"));
                seatsInFacts += JsonPath.from(fact).getInt("data.size");
            }
        }
        assertEquals(confirmed, inFacts);
        assertEquals(confirmedSeats, seatsInFacts);
    }
}
