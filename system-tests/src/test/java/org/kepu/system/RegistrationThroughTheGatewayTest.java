package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The public registers for an event through the gateway without an account, manages the registration with its token,
 * and the organizer checks them in: the whole of 报名 as a user does it.
 */
@ExtendWith(KepuSystem.class)
class RegistrationThroughTheGatewayTest {

    @Test
    void aVisitorRegistersManagesAndIsCheckedInThroughTheGateway() {
        String org = "org-" + UUID.randomUUID();
        String organizer = Gateway.organizer(org);
        Map<String, Object> event = new HashMap<>(Map.of("titleZh", "科学之夜 报名", "type", "SCIENCE_NIGHT",
                "startsAt", "2026-12-20T19:00:00+08:00", "endsAt", "2026-12-20T21:00:00+08:00", "divisionCode",
                "440106", "capacity", 2, "takesRegistrations", true, "keepsWaitList", true));
        String eventId = given().auth().oauth2(organizer).contentType(ContentType.JSON).body(event).when()
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        given().auth().oauth2(organizer).when().post("/api/v1/events/" + eventId + "/publish").then().statusCode(200);

        JsonPath receipt = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "GROUP", "size", 2, "name", "王老师", "phone", "13700001111", "organization", "华阳小学"))
                .when().post("/api/v1/events/" + eventId + "/registrations").then().statusCode(201)
                .body("registration.status", equalTo("CONFIRMED")).extract().jsonPath();
        String registration = receipt.getString("registration.id");
        String token = receipt.getString("manageToken");

        given().header("Registration-Token", token).when().get("/api/v1/registrations/" + registration).then()
                .statusCode(200).body("contact.phone", equalTo("13700001111"));
        given().when().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("registrations.seatsLeft", equalTo(0));
        given().auth().oauth2(organizer).contentType(ContentType.JSON)
                .body(Map.of("code", receipt.getString("registration.checkInCode"))).when()
                .post("/api/v1/events/" + eventId + "/check-ins").then().statusCode(200)
                .body("checkedInAt", notNullValue());
        // Anonymous writes are opened only where configured: listing and checking in still need a token.
        given().when().get("/api/v1/events/" + eventId + "/registrations").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("code", "ABCDEFGH")).when()
                .post("/api/v1/events/" + eventId + "/check-ins").then().statusCode(401);

        given().header("Registration-Token", token).when().post("/api/v1/registrations/" + registration + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }
}
