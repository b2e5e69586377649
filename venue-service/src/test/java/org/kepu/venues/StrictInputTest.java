package org.kepu.venues;

import static org.kepu.common.testing.InputChecks.Kind.DECIMAL;
import static org.kepu.common.testing.InputChecks.Kind.ENUM;
import static org.kepu.common.testing.InputChecks.Kind.INTEGER;
import static org.kepu.common.testing.InputChecks.Kind.LIST;
import static org.kepu.common.testing.InputChecks.Kind.OBJECT;
import static org.kepu.common.testing.InputChecks.Kind.TEXT;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kepu.common.testing.InputChecks;

import io.quarkus.test.junit.QuarkusTest;

/** Wrong input to the venue API is refused with a 400 naming the field, never reinterpreted or answered 404. */
@QuarkusTest
class StrictInputTest {

    @TestFactory
    Stream<DynamicTest> registeringRefusesWrongJsonTypes() {
        return InputChecks.body("POST", "/api/v1/venues", Venues::asAdmin, Venues.scienceCentre("广东科学中心"))
                .fields(TEXT, "nameZh", "nameEn", "descriptionZh", "descriptionEn", "divisionCode", "address",
                        "contactPhone", "contactEmail", "website")
                .fields(ENUM, "kind").fields(DECIMAL, "latitude", "longitude").fields(INTEGER, "capacity")
                .fields(LIST, "themes", "audiences", "facilities", "accessibility", "tourLanguages", "photos").checks();
    }

    @TestFactory
    Stream<DynamicTest> openingHoursRefuseWrongJsonTypes() {
        String id = Venues.register(Venues.scienceCentre("开放时间输入检查 " + UUID.randomUUID()));
        return InputChecks.body("PUT", "/api/v1/venues/" + id + "/opening-hours",
                () -> Venues.asAdmin().header("If-Match", "*"),
                Map.of("weekly", Map.of("TUESDAY", List.of(Map.of("opens", "09:00", "closes", "17:00"))),
                        "exceptions", List.of(Map.of("date", "2026-02-17", "closed", true))))
                .fields(OBJECT, "weekly").fields(LIST, "exceptions").checks();
    }

    @TestFactory
    Stream<DynamicTest> certificationMovesRefuseWrongJsonTypes() {
        String id = Venues.register(Venues.scienceCentre("认定输入检查 " + UUID.randomUUID()));
        return InputChecks.body("POST", "/api/v1/venues/" + id + "/certification/moves", Venues::asAdmin,
                Map.of("move", "APPLY", "notes", "申报")).fields(ENUM, "move").fields(TEXT, "notes").checks();
    }

    @TestFactory
    Stream<DynamicTest> statusChangesRefuseWrongJsonTypes() {
        String id = Venues.register(Venues.scienceCentre("状态输入检查 " + UUID.randomUUID()));
        return InputChecks.body("POST", "/api/v1/venues/" + id + "/status", Venues::asAdmin,
                Map.of("status", "ACTIVE")).fields(ENUM, "status").checks();
    }

    @TestFactory
    Stream<DynamicTest> slotsRefuseWrongJsonTypes() {
        String venue = BookingTest.venueWithManager();
        return InputChecks.body("POST", "/api/v1/venues/" + venue + "/slots",
                () -> Venues.asManager("manager-" + venue),
                Map.of("date", BookingTest.NEXT_WEEK.toString(), "opens", "09:30", "closes", "11:00", "capacity", 40,
                        "audience", "YOUTH", "notes", "适合小学高年级"))
                .fields(TEXT, "opens", "closes", "notes").fields(INTEGER, "capacity").fields(ENUM, "audience")
                .fields(LIST, "days").checks();
    }

    @TestFactory
    Stream<DynamicTest> bookingsRefuseWrongJsonTypes() {
        String venue = BookingTest.venueWithManager();
        String slot = BookingTest.oneSlot(venue, 60);
        return InputChecks.body("POST", "/api/v1/venues/" + venue + "/slots/" + slot + "/bookings",
                io.restassured.RestAssured::given,
                Map.of("size", 30, "school", "华阳小学", "grade", "五年级", "leaderName", "王老师", "leaderPhone",
                        "13800138000"))
                .fields(INTEGER, "size").fields(TEXT, "school", "grade", "leaderName", "leaderPhone").checks();
    }

    @TestFactory
    Stream<DynamicTest> toursAndStopsRefuseWrongJsonTypes() {
        String unit = TourTest.caravan();
        String tour = TourTest.tour(unit, 2031);
        Stream<DynamicTest> tours = InputChecks.body("POST", "/api/v1/tours", () -> Venues.asManager("manager-" + unit),
                Map.of("unitId", unit, "name", "巡展", "year", 2031, "organizer", "省科协"))
                .fields(TEXT, "name", "organizer").fields(INTEGER, "year").checks();
        Stream<DynamicTest> stops = InputChecks.body("POST", "/api/v1/tours/" + tour + "/stops",
                () -> Venues.asManager("manager-" + unit),
                TourTest.stop("连州市第二中学", "441882", "2031-11-04", "2031-11-08", "SCHOOL"))
                .fields(TEXT, "placeName", "divisionCode").fields(DECIMAL, "latitude", "longitude")
                .fields(ENUM, "setting").checks();
        return Stream.concat(tours, stops);
    }

    @TestFactory
    Stream<DynamicTest> searchRefusesBadParameters() {
        return InputChecks.query("/api/v1/venues").integers("page", "size").texts("divisionCode", "q")
                .decimals("lat", "lon", "radiusKm").times("openAt").checks();
    }

    @TestFactory
    Stream<DynamicTest> theReviewListRefusesBadParameters() {
        return InputChecks.query("/api/v1/education-bases", Venues::asAnalyst).integers("evaluationDue", "page", "size")
                .checks();
    }

}
