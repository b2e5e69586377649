package org.kepu.events;

import org.kepu.common.testing.TestSeed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.events.Attendees.eventTakingRegistrations;
import static org.kepu.events.Attendees.newPhone;
import static org.kepu.events.Attendees.register;
import static org.kepu.events.Attendees.registration;
import static org.kepu.events.Organizers.create;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;
import static org.kepu.events.Organizers.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.FactReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.path.json.JsonPath;

/** Registrations: who gets a seat, who waits, who is refused and why, and who may see whom. */
@QuarkusTest
@ExtendWith(TestSeed.class)
class RegistrationTest {

    private static final String MANAGE = "/api/v1/registrations/";

    @Test
    void wholeGroupsAreConfirmedWhileTheyFitAndOtherwiseWait() {
        String id = eventTakingRegistrations(newOrg(), 5, true, null);
        String first = register(id, 3).then().statusCode(201).body("registration.status", equalTo("CONFIRMED"))
                .body("manageToken", notNullValue()).extract().path("registration.id");
        register(id, 3).then().statusCode(201).body("registration.status", equalTo("WAIT_LISTED"))
                .header("Location", containsString(MANAGE));
        register(id, 2).then().statusCode(201).body("registration.status", equalTo("CONFIRMED"));
        given().when().get("/api/v1/events/" + id).then().body("registrations.confirmedSeats", equalTo(5))
                .body("registrations.seatsLeft", equalTo(0)).body("registrations.waitListLength", equalTo(1));
        given().auth().oauth2(Organizers.TOKENS.token("admin").role("admin").sign()).when()
                .get("/api/v1/events/" + id + "/registrations/" + first).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aFullEventWithoutAWaitListRefusesAndSaysHowManySeatsAreLeft() {
        String id = eventTakingRegistrations(newOrg(), 4, false, null);
        register(id, 3).then().statusCode(201);
        register(id, 2).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/event-full")).body("detail", containsString("Only 1 seat left"));
        register(id, 1).then().statusCode(201).body("registration.status", equalTo("CONFIRMED"));
    }

    @Test
    void aSeatFreedOnAnotherReplicaIsOfferedWithinASecond() throws Exception {
        String id = eventTakingRegistrations(newOrg(), 1, false, null);
        register(id, 1).then().statusCode(201);
        register(id, 1).then().statusCode(409).body("type", endsWith("/event-full"));
        // Another replica cancels a registration: the seat is free in the database, unknown to this replica.
        try (java.sql.Connection connection = database.getConnection();
                java.sql.PreparedStatement free = connection
                        .prepareStatement("UPDATE event SET confirmed_seats = 0 WHERE id = ?")) {
            free.setObject(1, java.util.UUID.fromString(id));
            free.executeUpdate();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> register(id, 1).statusCode() == 201);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource database;

    @Test
    void registrationOutsideItsConditionsIsAConflictNamingWhich() {
        String org = newOrg();
        String notOffered = publish(org, event("不报名的活动"));
        register(notOffered, 1).then().statusCode(409).body("type", endsWith("/registration-not-offered"));

        Map<String, Object> later = event("下周开始报名");
        later.put("startsAt", inDays(30));
        later.put("endsAt", inDays(31));
        later.put("capacity", 10);
        later.put("takesRegistrations", true);
        later.put("registrationOpensAt", inDays(7));
        register(publish(org, later), 1).then().statusCode(409).body("type", endsWith("/registration-not-open-yet"));

        Map<String, Object> over = event("报名已截止");
        over.put("startsAt", inDays(10));
        over.put("endsAt", inDays(11));
        over.put("capacity", 10);
        over.put("takesRegistrations", true);
        over.put("registrationClosesAt", inDays(-1));
        register(publish(org, over), 1).then().statusCode(409).body("type", endsWith("/registration-closed"));

        String cancelled = eventTakingRegistrations(org, 10, false, null);
        Organizers.cancel(org, cancelled);
        register(cancelled, 1).then().statusCode(409).body("type", endsWith("/event-cancelled"));

        Map<String, Object> draft = event("草稿");
        draft.put("capacity", 10);
        draft.put("takesRegistrations", true);
        register(create(org, draft), 1).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongSizesAndPhonesAreNamedAndOnePhoneHoldsOneLiveRegistration() {
        String id = eventTakingRegistrations(newOrg(), 50, true, 5);
        register(id, 6).then().statusCode(400).body("errors[0].field", equalTo("size"))
                .body("errors[0].message", containsString("at most 5"));
        register(id, registration("PERSON", 1, "12345")).then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        String phone = newPhone();
        JsonPath receipt = register(id, registration("PERSON", 1, phone)).then().statusCode(201).extract().jsonPath();
        register(id, registration("GROUP", 2, "+86 " + phone)).then().statusCode(409)
                .body("type", endsWith("/phone-already-registered"))
                .body("detail", not(containsString(phone.substring(3))));
        // Once cancelled, the number may register again.
        cancel(receipt);
        register(id, registration("PERSON", 1, phone)).then().statusCode(201);
        given().when().get("/api/v1/events/" + id + "/registrations").then().statusCode(401);
    }

    @Test
    void freedSeatsGoToTheFirstWaitingRegistrationThatFitsAndABigGroupKeepsItsPlace() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 4, true, null);
        JsonPath a = register(id, 2).then().statusCode(201).extract().jsonPath();
        JsonPath b = register(id, 2).then().statusCode(201).extract().jsonPath();
        JsonPath c = register(id, 3).then().statusCode(201).body("registration.status", equalTo("WAIT_LISTED"))
                .extract().jsonPath();
        JsonPath d = register(id, 1).then().statusCode(201).body("registration.status", equalTo("WAIT_LISTED"))
                .extract().jsonPath();

        cancel(b);
        // Two seats free: the group of 3 does not fit, the person behind it does.
        mine(d).body("status", equalTo("CONFIRMED"));
        mine(c).body("status", equalTo("WAIT_LISTED")).body("waitListPosition", equalTo(1));

        cancel(a);
        // Three seats free now: the group, first in line all along, gets them.
        mine(c).body("status", equalTo("CONFIRMED"));
        given().when().get("/api/v1/events/" + id).then().body("registrations.confirmedSeats", equalTo(4))
                .body("registrations.waitListLength", equalTo(0));
    }

    @Test
    void raisingTheCapacityPromotesAndLoweringItBelowTheConfirmedSeatsIsRefused() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 2, true, null);
        register(id, 2).then().statusCode(201);
        JsonPath waiting = register(id, 1).then().statusCode(201).extract().jsonPath();

        Map<String, Object> body = event("报名测试活动");
        body.put("takesRegistrations", true);
        body.put("keepsWaitList", true);
        body.put("capacity", 1);
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"").when()
                .put("/api/v1/events/" + id).then().statusCode(409).body("type", endsWith("/capacity-below-confirmed"));

        body.put("capacity", 3);
        given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"").when()
                .put("/api/v1/events/" + id).then().statusCode(200).body("registrations.confirmedSeats", equalTo(3));
        mine(waiting).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void theManageTokenReadsResizesAndCancelsWithoutAnAccount() {
        String id = eventTakingRegistrations(newOrg(), 7, false, null);
        register(id, 2).then().statusCode(201);
        String phone = newPhone();
        JsonPath receipt = register(id, registration("GROUP", 3, phone)).then().statusCode(201).extract().jsonPath();
        String registrationId = receipt.getString("registration.id");

        given().when().get(MANAGE + registrationId).then().statusCode(404);
        given().header("Registration-Token", "not-the-token").when().get(MANAGE + registrationId).then()
                .statusCode(404);
        mine(receipt).body("contact.phone", equalTo(phone)).body("size", equalTo(3));

        resize(receipt, 6).then().statusCode(409).body("type", endsWith("/event-full"));
        resize(receipt, 5).then().statusCode(200).body("size", equalTo(5));
        resize(receipt, 1).then().statusCode(200).body("size", equalTo(1));
        given().when().get("/api/v1/events/" + id).then().body("registrations.confirmedSeats", equalTo(3));

        cancel(receipt);
        given().when().get("/api/v1/events/" + id).then().body("registrations.confirmedSeats", equalTo(2));
        given().header("Registration-Token", receipt.getString("manageToken")).when()
                .post(MANAGE + registrationId + "/cancel").then().statusCode(409)
                .body("type", endsWith("/registration-cancelled"));
    }

    @Test
    void organizersSeeTheirRegistrationsWithPhonesMaskedInListsAndExports() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 10, false, null);
        String phone = newPhone();
        String registrationId = register(id, registration("GROUP", 2, phone)).then().statusCode(201).extract()
                .path("registration.id");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);

        given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id + "/registrations").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].contact.phone", equalTo(masked))
                .body("items[0].contact", not(hasKey("email")));
        given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id + "/registrations/" + registrationId)
                .then().statusCode(200).body("contact.phone", equalTo(phone));
        byte[] csv = given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id + "/registrations.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF报名编号,"), text);
        assertTrue(text.contains(masked), text);
        assertFalse(text.contains(phone), text);

        given().auth().oauth2(token(newOrg())).when().get("/api/v1/events/" + id + "/registrations").then()
                .statusCode(403);
        String publicView = given().when().get("/api/v1/events/" + id).then().statusCode(200).extract().asString();
        assertFalse(publicView.contains(phone.substring(3)) || publicView.contains("张三"), publicView);
    }

    @Test
    void theOrganizerChecksInByCodeOrIdAndTwiceIsHarmless() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 3, true, null);
        JsonPath group = register(id, 2).then().statusCode(201).extract().jsonPath();
        JsonPath waiting = register(id, 2).then().statusCode(201).extract().jsonPath();
        String code = group.getString("registration.checkInCode");
        assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), code);

        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4);
        checkIn(org, id, Map.of("code", typed)).then().statusCode(200).body("checkedInAt", notNullValue());
        checkIn(org, id, Map.of("registrationId", group.getString("registration.id"))).then().statusCode(200);
        given().when().get("/api/v1/events/" + id).then().body("registrations.checkedIn", equalTo(2));

        checkIn(org, id, Map.of("registrationId", waiting.getString("registration.id"))).then().statusCode(409)
                .body("type", endsWith("/registration-not-confirmed"));
        checkIn(org, id, Map.of("code", "ZZZZZZZZ")).then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id + "/registrations?checkedIn=true")
                .then().body("total", equalTo(1));
    }

    @Test
    void aCompletedEventCountsThePeopleCheckedInAsItsAttendance() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 10, false, null);
        JsonPath came = register(id, 3).then().statusCode(201).extract().jsonPath();
        register(id, 2).then().statusCode(201);
        checkIn(org, id, Map.of("code", came.getString("registration.checkInCode"))).then().statusCode(200);
        given().auth().oauth2(token(org)).when().post("/api/v1/events/" + id + "/complete").then().statusCode(200)
                .body("attendanceOffline", equalTo(3));
    }

    @Test
    void cancellingTheEventCancelsItsRegistrationsAndTellsThemWhy() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 3, true, null);
        JsonPath confirmed = register(id, 3).then().statusCode(201).extract().jsonPath();
        JsonPath waiting = register(id, 1).then().statusCode(201).extract().jsonPath();
        Organizers.cancel(org, id);
        mine(confirmed).body("status", equalTo("CANCELLED")).body("cancelReason", containsString("因台风影响"));
        mine(waiting).body("status", equalTo("CANCELLED"));
    }

    /** A registration sent with an Idempotency-Key, as an app that may retry sends it. */
    private static ValidatableResponse registerWithKey(String eventId, String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/events/" + eventId + "/registrations").then();
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() {
        String id = eventTakingRegistrations(newOrg(), 10, false, null);
        Map<String, Object> body = registration("GROUP", 2, newPhone());
        String key = java.util.UUID.randomUUID().toString();
        String first = registerWithKey(id, key, body).statusCode(201).extract().path("registration.id");
        registerWithKey(id, key, body).statusCode(201)
                .body("registration.id", equalTo(first));
        body.put("size", 3);
        registerWithKey(id, key, body).statusCode(422);
        given().when().get("/api/v1/events/" + id).then().body("registrations.confirmedSeats", equalTo(2));
    }

    @Test
    void aRetryAfterTheEventFilledUpStillGetsItsFirstAnswer() {
        String id = eventTakingRegistrations(newOrg(), 1, false, null);
        Map<String, Object> body = registration("PERSON", 1, newPhone());
        String key = java.util.UUID.randomUUID().toString();
        String first = registerWithKey(id, key, body).statusCode(201).extract().path("registration.id");
        register(id, 1).then().statusCode(409).body("type", endsWith("/event-full")); // now known full here
        registerWithKey(id, key, body).statusCode(201)
                .body("registration.id", equalTo(first));
    }

    @Test
    void aRushAtAFullEventIsAnsweredBeforeTheResourceWithTheResourcesOwnAnswers() {
        String id = eventTakingRegistrations(newOrg(), 1, false, null);
        register(id, 1).then().statusCode(201);
        Map<String, Object> noPhone = registration("PERSON", 1, newPhone());
        noPhone.remove("phone");
        Map<String, Object> unknownField = registration("GROUP", 2, newPhone());
        unknownField.put("seats", 2);
        List<String> bodies = List.of(json(registration("PERSON", 1, newPhone())),
                json(registration("GROUP", 3, newPhone())), json(registration("PERSON", 0, newPhone())),
                json(noPhone), json(unknownField), "{\"kind\": \"PERSON\", \"size\": ", "null", "[]");
        double before = OperatorMetricsTest.metric("kepu_registrations_refused_early_total", Map.of());
        for (String body : bodies) {
            // A retry with a key always goes through the resource: its answer is the one to give.
            String throughTheResource = post(id, body, java.util.UUID.randomUUID().toString());
            // A refusal from the database reminds this replica for a second; the next attempts meet the route.
            register(id, 1).then().statusCode(409);
            assertEquals(throughTheResource, post(id, body, null), body);
        }
        assertTrue(OperatorMetricsTest.metric("kepu_registrations_refused_early_total", Map.of()) >= before + 2,
                "refusals answered before the resource");
        given().contentType("text/plain").body("size=1").when().post("/api/v1/events/" + id + "/registrations").then()
                .statusCode(415);
    }

    /** The status, media type and body of a registration attempt, with an Idempotency-Key unless null. */
    private static String post(String eventId, String body, String key) {
        io.restassured.specification.RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        io.restassured.response.Response answer = request.when().post("/api/v1/events/" + eventId + "/registrations");
        return answer.statusCode() + " " + answer.contentType() + " " + answer.asString();
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyMoveIsAFactKeyedByTheEventWithCountsAndNoContact() {
        String org = newOrg();
        String id = eventTakingRegistrations(org, 1, true, null);
        String phone = newPhone();
        JsonPath first = register(id, registration("PERSON", 1, phone)).then().statusCode(201).extract().jsonPath();
        register(id, 1).then().statusCode(201);
        cancel(first);
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, "kepu.registrations", id, 4, Duration.ofSeconds(20));
        assertEquals(List.of("kepu.registration.confirmed", "kepu.registration.wait-listed",
                "kepu.registration.cancelled", "kepu.registration.promoted"),
                facts.stream().map(FactReader::typeOf).toList());
        for (String fact : facts) {
            assertFalse(fact.contains(phone) || fact.contains("张三") || fact.contains("contact"), fact);
        }
        assertTrue(facts.get(3).contains("\"confirmedSeats\":1"), facts.get(3));
    }

    @Test
    void contactsNeverReachTheLogs() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        String phone = newPhone();
        try {
            String id = eventTakingRegistrations(newOrg(), 2, false, null);
            JsonPath receipt = register(id, registration("PERSON", 1, phone)).then().statusCode(201).extract().jsonPath();
            register(id, registration("PERSON", 1, phone)).then().statusCode(409);
            register(id, registration("GROUP", 2, newPhone())).then().statusCode(409);
            mine(receipt);
        } finally {
            root.removeHandler(capture);
        }
        assertFalse(lines.isEmpty(), "the access lines were captured");
        assertTrue(lines.stream().noneMatch(line -> line.contains(phone.substring(3)) || line.contains("张三")),
                String.join("\n", lines));
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).plusDays(days).toString();
    }

    private static io.restassured.response.ValidatableResponse mine(JsonPath receipt) {
        return given().header("Registration-Token", receipt.getString("manageToken")).when()
                .get(MANAGE + receipt.getString("registration.id")).then().statusCode(200);
    }

    private static void cancel(JsonPath receipt) {
        given().header("Registration-Token", receipt.getString("manageToken")).when()
                .post(MANAGE + receipt.getString("registration.id") + "/cancel").then().statusCode(200);
    }

    private static io.restassured.response.Response resize(JsonPath receipt, int size) {
        return given().header("Registration-Token", receipt.getString("manageToken")).contentType(ContentType.JSON)
                .body(Map.of("size", size)).when().put(MANAGE + receipt.getString("registration.id") + "/size");
    }

    private static io.restassured.response.Response checkIn(String org, String eventId, Map<String, Object> body) {
        return given().auth().oauth2(token(org)).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/events/" + eventId + "/check-ins");
    }
}
