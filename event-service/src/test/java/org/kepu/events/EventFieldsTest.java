package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.kepu.common.testing.TestPlaces;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FactSender;
import org.kepu.common.testing.FieldDrift;
import org.kepu.events.domain.Event;
import org.kepu.events.repository.EventRepository;
import org.kepu.events.service.EventDraft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No layer forgets a field of an event: every field of the draft goes in through the API and lands in the entity,
 * and every field of the entity comes back out in the public view and in the fact on Kafka with the same value, or is
 * named below as deliberately left out. The mappers fail the build when a field is forgotten; this test catches what
 * the compiler cannot (a field hidden from JSON, a value changed on the way, a draft field the API drops).
 */
@QuarkusTest
class EventFieldsTest {

    /** Entity fields the public view does not show as themselves (the mapper says why). */
    static final Set<String> LEFT_OUT_OF_VIEW = Set.of("takesRegistrations", "registrationSizeCap", "keepsWaitList",
            "confirmedSeats", "waitListLength", "waitListedSeats", "checkedInPeople", "createdAt", "cancelledAt",
            "completedAt", "pushDigest");

    /** Entity fields the {@code kepu.event.*} facts do not carry (the mapper says why). */
    static final Set<String> LEFT_OUT_OF_FACT = Set.of("descriptionZh", "descriptionEn", "streamUrl", "address",
            "latitude", "longitude", "registrationOpensAt", "registrationClosesAt", "takesRegistrations",
            "registrationSizeCap", "keepsWaitList", "confirmedSeats", "waitListLength", "waitListedSeats",
            "checkedInPeople", "createdAt", "updatedAt", "cancelledAt", "completedAt", "pushDigest");

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventRepository events;

    @Test
    void everyDraftFieldReachesTheEntityAndEveryEntityFieldReachesTheViewAndTheFact() throws Exception {
        String org = Organizers.newOrg();
        String series = Organizers.create(org, Organizers.event("2024年全国科技活动周"));
        UUID venue = announcedVenue();
        Map<String, Object> draft = everyField(org, series, venue);
        assertEquals(new TreeSet<>(draftFields()), new TreeSet<>(draft.keySet()),
                "the sample draft sets every field EventDraft has; give a new field a value here");

        AtomicReference<String> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(Organizers.token(org)).contentType(ContentType.JSON).body(draft)
                    .when().post("/api/v1/events").then().extract();
            created.set(response.statusCode() == 201 ? response.path("id") : null);
            return created.get() != null; // 400 naming venueId until the venue's fact is consumed
        });
        String id = created.get();
        given().auth().oauth2(Organizers.token(org)).when().post("/api/v1/events/" + id + "/publish").then()
                .statusCode(200);

        Event stored = QuarkusTransaction.requiringNew().call(() -> events.findById(UUID.fromString(id)));
        Map<String, Object> entity = FieldDrift.fieldsOf(stored);

        for (Map.Entry<String, Object> sent : draft.entrySet()) {
            Object expected = sent.getValue();
            JsonNode asJson = JSON.valueToTree(expected);
            assertTrue(FieldDrift.same(entity.get(sent.getKey()), asJson),
                    sent.getKey() + ": sent " + expected + ", stored " + entity.get(sent.getKey()));
        }

        JsonNode view = JSON.readTree(given().when().get("/api/v1/events/" + id).then().statusCode(200).extract()
                .asString());
        FieldDrift.assertCarries("the public view", view, entity, LEFT_OUT_OF_VIEW);

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, "kepu.events", id, 1, Duration.ofSeconds(30));
        assertEquals(1, facts.size(), "the published fact of " + id);
        FieldDrift.assertCarries("the kepu.event.published fact", JSON.readTree(facts.get(0)).get("data"), entity,
                LEFT_OUT_OF_FACT);
    }

    private static List<String> draftFields() {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : EventDraft.class.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** A draft with every field set to a value unlike its default, so that a dropped field shows. */
    private static Map<String, Object> everyField(String org, String series, UUID venue) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("titleZh", "无障碍科普嘉年华 " + UUID.randomUUID());
        draft.put("titleEn", "Accessible Science Carnival");
        draft.put("descriptionZh", "设置互动展区、科学表演和科普讲座。");
        draft.put("descriptionEn", "Hands-on exhibits, science shows and talks.");
        draft.put("type", "CARNIVAL");
        draft.put("seriesId", series);
        draft.put("themes", List.of("AI", "HEALTH"));
        draft.put("audiences", List.of("YOUTH", "ELDERLY"));
        draft.put("accessibility", List.of("WHEELCHAIR_ACCESS", "SIGN_LANGUAGE"));
        draft.put("format", "HYBRID");
        draft.put("streamUrl", "https://live.example.cn/kepu/2024");
        draft.put("startsAt", "2024-05-18T09:00:00+08:00");
        draft.put("endsAt", "2024-05-19T17:00:00+08:00");
        draft.putAll(TestPlaces.scienceCentre());
        draft.put("venueId", venue.toString());
        draft.put("responsibleUnits", List.of("省科协", "省科技厅"));
        draft.put("capacity", 500);
        draft.put("registrationOpensAt", "2024-05-01T09:00:00+08:00");
        draft.put("registrationClosesAt", "2024-05-17T18:00:00+08:00");
        draft.put("takesRegistrations", true);
        draft.put("registrationSizeCap", 5);
        draft.put("keepsWaitList", true);
        draft.put("organizerOrg", org);
        return draft;
    }

    /** A venue announced on kepu.venues as venue-service would; the event names it but keeps its own place. */
    private static UUID announcedVenue() throws Exception {
        UUID venue = UUID.randomUUID();
        try (FactSender sender = new FactSender(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            sender.send("kepu.venues", venue.toString(), KnownVenuesTest.venueFact(venue, 1, null));
        }
        return venue;
    }
}
