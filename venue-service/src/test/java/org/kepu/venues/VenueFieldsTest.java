package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.assignManager;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FieldDrift;
import org.kepu.venues.messaging.VenueFacts;
import org.kepu.venues.repository.VenueRepository;
import org.kepu.venues.service.VenueDraft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No layer forgets a field of a venue: every field of the draft goes in through the API and lands in the entity, and
 * every field of the entity comes back out in the public view and in the fact on {@code kepu.venues} with the same
 * value, or is named below as deliberately left out, with why. The mappers fail the build when a property is
 * forgotten; this test also covers what MapStruct does not see (the fields only the entity's methods read: status,
 * its reason, the hours, the managers, the certification). Reporting's read model is checked by the system tests'
 * {@code FactFieldsInReadModelsTest}.
 */
@QuarkusTest
class VenueFieldsTest {

    /** Entity fields the public view does not show as themselves, and why. */
    static final Map<String, String> LEFT_OUT_OF_VIEW = Map.of(
            // VenueViewMapper's list.
            "createdAt", "bookkeeping: the view shows when the venue last changed, not when it was registered",
            // What MapStruct does not see.
            "weeklyHours", "rows of the schedule: shown together as openingHours, as they are sent (checked below)",
            "datedHours", "rows of the exceptions: shown together as openingHours, as they are sent (checked below)",
            "managers", "never listed in the view; the managers resource lists them",
            "certification.lastEvaluatedYear", "the view shows the standing as of today; the history is its own");

    private static final String FOR_VISITORS = "facts carry what consumers count and filter by; what visitors read"
            + " stays with the API";

    /** Entity fields the {@code kepu.venue.*} facts do not carry, and why. */
    static final Map<String, String> LEFT_OUT_OF_FACT = Map.ofEntries(
            // VenueFactMapper's list.
            entry("descriptionZh", FOR_VISITORS), entry("descriptionEn", FOR_VISITORS), entry("address", FOR_VISITORS),
            entry("facilities", FOR_VISITORS), entry("accessibility", FOR_VISITORS),
            entry("tourLanguages", FOR_VISITORS), entry("contactPhone", FOR_VISITORS),
            entry("contactEmail", FOR_VISITORS), entry("website", FOR_VISITORS), entry("photos", FOR_VISITORS),
            entry("createdAt", "bookkeeping: the version orders a venue's facts"),
            entry("updatedAt", "bookkeeping: the version orders a venue's facts"),
            // What MapStruct does not see.
            entry("statusReason", FOR_VISITORS), entry("weeklyHours", FOR_VISITORS),
            entry("datedHours", FOR_VISITORS),
            entry("managers", "a fact never carries managers or anything personal"));

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VenueRepository venues;

    @Test
    void everyDraftFieldReachesTheEntityAndEveryEntityFieldReachesTheViewAndTheFact() throws Exception {
        Map<String, Object> draft = scienceCentre("字段科技馆 " + UUID.randomUUID());
        draft.put("descriptionEn", "The largest science museum in South China.");
        FieldDrift.assertSetsEvery(VenueDraft.class, draft);
        String id = register(draft);
        assignManager(id, "manager-" + id);
        Map<String, Object> hours = Map.of("weekly",
                Map.of("TUESDAY", List.of(range("09:30", "17:30")), "SATURDAY",
                        List.of(range("09:30", "12:00"), range("13:00", "18:00"))),
                "exceptions",
                List.of(Map.of("date", "2027-02-06", "closed", true, "ranges", List.of(), "note", "春节闭馆"),
                        Map.of("date", "2027-09-18", "closed", false, "ranges", List.of(range("09:00", "21:00")),
                                "note", "全国科普日延时开放")));
        asAdmin().header("If-Match", "*").contentType(ContentType.JSON).body(hours).when()
                .put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200);
        CertificationTest.move(id, "move", "APPLY").statusCode(201);
        CertificationTest.move(id, "move", "CERTIFY", "level", "PROVINCIAL", "validFrom", "2024-01-01", "validUntil",
                "2028-12-31").statusCode(201);
        CertificationTest.move(id, "move", "EVALUATE", "year", 2025, "score", 92, "result", "EXCELLENT")
                .statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "展厅改造，暂停开放"))
                .when().post("/api/v1/venues/" + id + "/status").then().statusCode(200);

        Map<String, Object> entity = FieldDrift.fieldsOf(Venues.stored(venues, id));
        FieldDrift.assertHolds("the stored venue", draft, entity, Map.of());

        JsonNode view = JSON.readTree(given().when().get("/api/v1/venues/" + id).then().statusCode(200).extract()
                .asString());
        FieldDrift.assertCarries("the public view", view, entity, LEFT_OUT_OF_VIEW.keySet());
        assertEquals(JSON.valueToTree(hours), view.get("openingHours"), "the opening hours, as they were sent");

        // Registered, hours, three certification moves, status; assigning managers makes no fact.
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, VenueFacts.TOPIC, id, 6, Duration.ofSeconds(30));
        assertEquals(6, facts.size(), "the facts of " + id);
        assertEquals(VenueFacts.STATUS_CHANGED, FactReader.typeOf(facts.get(5)));
        FieldDrift.assertCarries("the kepu.venue.status-changed fact", JSON.readTree(facts.get(5)).get("data"),
                entity, LEFT_OUT_OF_FACT.keySet());
    }

    private static Map<String, String> range(String opens, String closes) {
        return Map.of("opens", opens, "closes", closes);
    }
}
