package org.kepu.events;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kepu.events.Attendees.eventTakingRegistrations;
import static org.kepu.events.Attendees.newPhone;
import static org.kepu.events.Attendees.register;
import static org.kepu.events.Attendees.registration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FieldDrift;
import org.kepu.common.testing.TestSeed;
import org.kepu.events.messaging.RegistrationFacts;
import org.kepu.events.repository.EventRepository;
import org.kepu.events.repository.RegistrationRepository;
import org.kepu.events.service.RegistrationRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No layer forgets a field of a registration: every field of the request goes in through the API and lands in the
 * entity, and every field of the entity comes back out in the organizer's view and in the fact on
 * {@code kepu.registrations} with the same value, or is named below as deliberately left out, with why (the mappers'
 * lists). Reporting's read model is checked by the system tests' {@code FactFieldsInReadModelsTest}.
 */
@QuarkusTest
@ExtendWith(TestSeed.class)
class RegistrationFieldsTest {

    /** Where the request's fields are held: the contact's under the entity's names. */
    static final Map<String, String> HELD_AS = Map.of("name", "contactName", "phone", "contactPhone", "email",
            "contactEmail");

    /** Where the whole view shows the entity's fields: the contact together, in contact. */
    static final Map<String, String> SHOWN_AS = Map.of("contactName", "contact.name", "contactPhone",
            "contact.phone", "contactEmail", "contact.email", "organization", "contact.organization");

    /** Entity fields the view does not show, and why (RegistrationViewMapper's list). */
    static final Map<String, String> LEFT_OUT_OF_VIEW = Map.of(
            "arrival", "the order of arrival only places the wait list (waitListPosition)",
            "manageTokenHash", "a secret: the attendee holds the token, the service only its hash");

    private static final String PERSONAL = "who registered is personal information and never leaves event-service";
    private static final String THE_APIS = "consumers count seats and attendance; the order of arrival, the reason"
            + " and the times are the API's";

    /** Entity fields the {@code kepu.registration.*} facts do not carry, and why (RegistrationFactMapper's list). */
    static final Map<String, String> LEFT_OUT_OF_FACT = Map.ofEntries(entry("contactName", PERSONAL),
            entry("contactPhone", PERSONAL), entry("contactEmail", PERSONAL), entry("organization", PERSONAL),
            entry("checkInCode", PERSONAL), entry("manageTokenHash", PERSONAL), entry("arrival", THE_APIS),
            entry("cancelReason", THE_APIS), entry("createdAt", THE_APIS), entry("updatedAt", THE_APIS),
            entry("checkedInAt", "carried as checkedIn: whether, not when (checked below)"));

    /** The event's counts every registration fact carries after the change. */
    static final String[] SEATS = {"capacity", "confirmedSeats", "waitListLength", "waitListedSeats",
            "checkedInPeople"};

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RegistrationRepository registrations;

    @Inject
    EventRepository events;

    @Test
    void everyRequestFieldReachesTheEntityAndEveryEntityFieldReachesTheViewAndTheFact() throws Exception {
        String org = Organizers.newOrg();
        String event = eventTakingRegistrations(org, 5, true, 5);
        Map<String, Object> request = registration("GROUP", 3, newPhone());
        request.put("email", "li.laoshi@example.cn");
        FieldDrift.assertSetsEvery(RegistrationRequest.class, request);
        String id = register(event, request).then().statusCode(201).extract().path("registration.id");
        // Others stay, so that the event's counts after the cancellation are none of them zero.
        String present = register(event, 2).then().statusCode(201).extract().path("registration.id");
        register(event, 4).then().statusCode(201);
        checkIn(org, event, present);
        checkIn(org, event, id);
        given().auth().oauth2(Organizers.token(org)).contentType(ContentType.JSON)
                .body(Map.of("reason", "报名信息有误，请重新报名")).when()
                .post("/api/v1/events/" + event + "/registrations/" + id + "/cancel").then().statusCode(200);

        Map<String, Object> entity = FieldDrift.fieldsOf(
                QuarkusTransaction.requiringNew().call(() -> registrations.findById(UUID.fromString(id))));
        Map<String, Object> seats = FieldDrift.only(FieldDrift.fieldsOf(
                QuarkusTransaction.requiringNew().call(() -> events.findById(UUID.fromString(event)))), SEATS);
        FieldDrift.assertHolds("the stored registration", request, entity, HELD_AS);

        JsonNode view = JSON.readTree(given().auth().oauth2(Organizers.token(org)).when()
                .get("/api/v1/events/" + event + "/registrations/" + id).then().statusCode(200).extract().asString());
        FieldDrift.assertCarries("the organizer's view", view, entity, SHOWN_AS, LEFT_OUT_OF_VIEW.keySet());

        // Three registered, two checked in, one cancelled; keyed by the event.
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, "kepu.registrations", event, 6, Duration.ofSeconds(30));
        assertEquals(6, facts.size(), "the registration facts of " + event);
        assertEquals(RegistrationFacts.CANCELLED, FactReader.typeOf(facts.get(5)));
        JsonNode fact = JSON.readTree(facts.get(5)).get("data");
        FieldDrift.assertCarries("the kepu.registration.cancelled fact", fact, entity, Map.of("id", "registrationId"),
                LEFT_OUT_OF_FACT.keySet());
        assertEquals(entity.get("checkedInAt") != null, fact.get("checkedIn").asBoolean(), "checkedIn");
        FieldDrift.assertCarries("the kepu.registration.cancelled fact's seats", fact.get("seats"), seats, Set.of());
    }

    private static void checkIn(String org, String event, String registration) {
        given().auth().oauth2(Organizers.token(org)).contentType(ContentType.JSON)
                .body(Map.of("registrationId", registration)).when().post("/api/v1/events/" + event + "/check-ins")
                .then().statusCode(200);
    }
}
