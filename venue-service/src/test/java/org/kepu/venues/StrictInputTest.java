package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.kepu.common.testing.InputChecks.Kind.DECIMAL;
import static org.kepu.common.testing.InputChecks.Kind.ENUM;
import static org.kepu.common.testing.InputChecks.Kind.TEXT;

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
        return InputChecks.body("POST", "/api/v1/venues", () -> given().auth().oauth2(VenueResourceTest.admin()),
                VenueResourceTest.museum("广东科学中心")).fields(TEXT, "nameZh", "nameEn", "divisionCode", "address")
                .fields(ENUM, "kind").fields(DECIMAL, "latitude", "longitude").checks();
    }

    @TestFactory
    Stream<DynamicTest> searchRefusesBadParameters() {
        return InputChecks.query("/api/v1/venues").integers("page", "size").texts("divisionCode").checks();
    }
}
