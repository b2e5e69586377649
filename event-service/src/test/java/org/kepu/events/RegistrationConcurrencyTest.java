package org.kepu.events;

import org.kepu.common.testing.TestSeed;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.events.Attendees.eventTakingRegistrations;
import static org.kepu.events.Attendees.register;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.InParallel;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A registration rush: many phones press the button at once. Seats are never oversold, nobody who fits is left
 * waiting, and the database, the API and the facts tell the same story.
 */
@QuarkusTest
@ExtendWith(TestSeed.class)
class RegistrationConcurrencyTest {

    @Test
    void threeHundredParallelRegistrationsNeverOverfillFiftySeats() throws Exception {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 50, true, null);
        Random random = TestSeed.random("threeHundredParallelRegistrationsNeverOverfillFiftySeats");
        List<Callable<JsonPath>> attempts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int size = 1 + random.nextInt(5);
            attempts.add(() -> register(id, size).then().statusCode(201).extract().jsonPath());
        }
        List<JsonPath> receipts = InParallel.all(attempts);

        int confirmedSeats = 0;
        int waiting = 0;
        Set<String> confirmedIds = new HashSet<>();
        List<Integer> waitingSizes = new ArrayList<>();
        for (JsonPath receipt : receipts) {
            if (receipt.getString("registration.status").equals("CONFIRMED")) {
                confirmedSeats += receipt.getInt("registration.size");
                confirmedIds.add(receipt.getString("registration.id"));
            } else {
                waiting++;
                waitingSizes.add(receipt.getInt("registration.size"));
            }
        }
        assertTrue(confirmedSeats <= 50, "confirmed " + confirmedSeats);
        int left = 50 - confirmedSeats;
        // Seats only fill during a rush, so whoever waits did not fit when they came, nor now.
        assertTrue(waitingSizes.stream().allMatch(size -> size > left), "left " + left + ", waiting " + waitingSizes);

        JsonPath event = given().when().get("/api/v1/events/" + id).then().extract().jsonPath();
        assertEquals(confirmedSeats, event.getInt("registrations.confirmedSeats"));
        assertEquals(waiting, event.getInt("registrations.waitListLength"));
        assertEquals(confirmedIds, new HashSet<>(listed(org, id, "CONFIRMED")));
        assertEquals(waiting, listed(org, id, "WAIT_LISTED").size());

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, "kepu.registrations", id, 300, Duration.ofSeconds(30));
        assertEquals(300, facts.size());
        JsonPath last = JsonPath.from(facts.get(facts.size() - 1));
        assertEquals(confirmedSeats, last.getInt("data.seats.confirmedSeats"));
        assertEquals(waiting, last.getInt("data.seats.waitListLength"));
        int confirmedInFacts = facts.stream().filter(f -> FactReader.typeOf(f).equals("kepu.registration.confirmed"))
                .mapToInt(f -> JsonPath.from(f).getInt("data.size")).sum();
        assertEquals(confirmedSeats, confirmedInFacts);
    }

    @Test
    void cancellationsRacingNewRegistrationsPromoteInOrderAndNeverOverfill() throws Exception {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 20, true, null);
        List<JsonPath> confirmed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            confirmed.add(register(id, 1).then().statusCode(201).extract().jsonPath());
        }
        List<String> waitingInOrder = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waitingInOrder.add(register(id, 1).then().statusCode(201).extract().path("registration.id"));
        }

        List<Callable<JsonPath>> moves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonPath receipt = confirmed.get(i);
            moves.add(() -> given().header("Registration-Token", receipt.getString("manageToken")).when()
                    .post("/api/v1/registrations/" + receipt.getString("registration.id") + "/cancel").then()
                    .statusCode(200).extract().jsonPath());
        }
        for (int i = 0; i < 20; i++) {
            moves.add(() -> register(id, 1).then().statusCode(201).extract().jsonPath());
        }
        InParallel.all(moves);

        assertEquals(20, given().when().get("/api/v1/events/" + id).then().extract().jsonPath()
                .getInt("registrations.confirmedSeats"));
        List<String> nowConfirmed = listed(org, id, "CONFIRMED");
        assertEquals(20, nowConfirmed.size());
        assertTrue(nowConfirmed.containsAll(waitingInOrder.subList(0, 10)), "the first ten waiting are seated");
        List<String> stillWaiting = listed(org, id, "WAIT_LISTED");
        assertEquals(waitingInOrder.subList(10, 20), stillWaiting.subList(0, 10));
        assertEquals(30, stillWaiting.size());
    }

    @Test
    void theSameIdempotencyKeySentTenTimesAtOnceRegistersOnce() throws Exception {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 50, false, null);
        java.util.Map<String, Object> body = Attendees.registration("GROUP", 3, Attendees.newPhone());
        String key = java.util.UUID.randomUUID().toString();
        List<Callable<io.restassured.response.Response>> retries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            retries.add(() -> given().header("Idempotency-Key", key).contentType(io.restassured.http.ContentType.JSON)
                    .body(body).when().post("/api/v1/events/" + id + "/registrations"));
        }
        Set<String> registered = new HashSet<>();
        for (io.restassured.response.Response answer : InParallel.all(retries)) {
            if (answer.statusCode() == 201) {
                registered.add(answer.path("registration.id"));
            } else {
                // Still running elsewhere: the client is told to retry, not made to wait.
                assertEquals(409, answer.statusCode(), answer.asString());
                assertTrue(answer.<String>path("type").endsWith("/idempotency-key-in-use"), answer.asString());
            }
        }
        assertEquals(1, registered.size());
        assertEquals(3, given().when().get("/api/v1/events/" + id).then().extract().jsonPath()
                .getInt("registrations.confirmedSeats"));
    }

    private static List<String> listed(String org, String eventId, String status) {
        List<String> ids = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath json = given().auth().oauth2(token(org)).queryParam("status", status).queryParam("size", 100)
                    .queryParam("page", page).when().get("/api/v1/events/" + eventId + "/registrations").then()
                    .statusCode(200).extract().jsonPath();
            List<String> items = json.getList("items.id");
            ids.addAll(items);
            if (items.size() < 100) {
                return ids;
            }
        }
    }
}
