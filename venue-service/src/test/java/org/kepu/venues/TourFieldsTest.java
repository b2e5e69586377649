package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;
import static org.kepu.venues.Venues.stored;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FieldDrift;
import org.kepu.venues.messaging.TourFacts;
import org.kepu.venues.repository.TourRepository;
import org.kepu.venues.repository.TourStopRepository;
import org.kepu.venues.service.StopRequest;
import org.kepu.venues.service.TourRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * No layer forgets a field of a tour or its stops: every field of the requests goes in through the API and lands in
 * the entities, and every field of the entities comes back out in the tour's view and in the facts on
 * {@code kepu.tours} with the same value, or is named below as deliberately left out, with why. Reporting's read
 * model is checked by the system tests' {@code FactFieldsInReadModelsTest}.
 */
@QuarkusTest
class TourFieldsTest {

    private static final String BOOKKEEPING = "bookkeeping: the version tells a change";

    /** Tour and stop fields the tour's view does not show as themselves, and why (TourViewMapper's lists). */
    static final Map<String, String> LEFT_OUT_OF_VIEW = Map.of("createdAt", BOOKKEEPING, "updatedAt", BOOKKEEPING);

    /** Tour fields the {@code kepu.tour.*} and {@code kepu.tour-stop.*} facts do not carry, and why. */
    static final Map<String, String> LEFT_OUT_OF_TOUR_FACT = Map.of(
            // TourFactMapper's list.
            "organizer", "reports count stops and visitors by unit, year and place; who organises is for readers",
            "createdAt", "bookkeeping: the version orders a tour's facts",
            "updatedAt", "bookkeeping: the version orders a tour's facts");

    private static final String BY_PLACE = "reports count by division, city and region, not by place";

    /** Stop fields the facts' stop does not carry, and why (TourFactMapper's list). */
    static final Map<String, String> LEFT_OUT_OF_STOP_FACT = Map.of(
            "tourId", "the fact's own key: carried once, as the fact's tourId",
            "unitId", "the fact's own key: carried once, as the fact's unitId", "venueId", BY_PLACE, "placeName",
            BY_PLACE, "address", BY_PLACE, "latitude", BY_PLACE, "longitude", BY_PLACE,
            "createdAt", "bookkeeping: the tour's version orders the unit's facts",
            "updatedAt", "bookkeeping: the tour's version orders the unit's facts",
            "version", "bookkeeping: the tour's version orders the unit's facts");

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TourRepository tours;

    @Inject
    TourStopRepository stops;

    @Test
    void everyRequestFieldReachesTheEntitiesAndEveryEntityFieldReachesTheViewAndTheFacts() throws Exception {
        String unit = TourTest.caravan();
        Map<String, Object> tourRequest = Map.of("unitId", unit, "name", "2024年科普大篷车粤北巡展 " + UUID.randomUUID(),
                "year", 2024, "organizer", "广东省科学技术协会");
        FieldDrift.assertSetsEvery(TourRequest.class, tourRequest);
        String tour = asManager("manager-" + unit).contentType(ContentType.JSON).body(tourRequest).when()
                .post("/api/v1/tours").then().statusCode(201).extract().path("id");
        String school = register(scienceCentre("连州市第二中学科普馆 " + UUID.randomUUID()));
        Map<String, Object> stopRequest = TourTest.stop("连州市第二中学", "441882", "2024-11-04", "2024-11-08", "SCHOOL");
        stopRequest.putAll(Map.of("venueId", school, "address", "清远市连州市连州镇"));
        FieldDrift.assertSetsEvery(StopRequest.class, stopRequest);
        String stop = TourTest.addStop(unit, tour, stopRequest).statusCode(201).extract().path("id");
        asManager("manager-" + unit).contentType(ContentType.JSON).body(Map.of("visitors", 1200)).when()
                .put("/api/v1/tours/" + tour + "/stops/" + stop + "/visitors").then().statusCode(200);

        Map<String, Object> tourFields = FieldDrift.fieldsOf(stored(tours, tour));
        Map<String, Object> stopFields = FieldDrift.fieldsOf(stored(stops, stop));
        FieldDrift.assertHolds("the stored tour", tourRequest, tourFields, Map.of());
        FieldDrift.assertHolds("the stored stop", stopRequest, stopFields, Map.of());

        JsonNode view = JSON.readTree(given().when().get("/api/v1/tours/" + tour).then().statusCode(200).extract()
                .asString());
        FieldDrift.assertCarries("the tour's view", view, tourFields, LEFT_OUT_OF_VIEW.keySet());
        FieldDrift.assertCarries("the tour's view of its stop", view.get("stops").get(0), stopFields,
                LEFT_OUT_OF_VIEW.keySet());

        // Keyed by the unit: the tour created, the stop added, its visitors reported.
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, TourFacts.TOPIC, unit, 3, Duration.ofSeconds(30));
        assertEquals(List.of(TourFacts.TOUR_CREATED, TourFacts.STOP_ADDED, TourFacts.VISITORS_REPORTED),
                facts.stream().map(FactReader::typeOf).toList());
        JsonNode fact = JSON.readTree(facts.get(2)).get("data");
        FieldDrift.assertCarries("the kepu.tour-stop.visitors-reported fact", fact, tourFields, Map.of("id", "tourId"),
                LEFT_OUT_OF_TOUR_FACT.keySet());
        FieldDrift.assertCarries("the kepu.tour-stop.visitors-reported fact's stop", fact.get("stop"), stopFields,
                LEFT_OUT_OF_STOP_FACT.keySet());
    }
}
