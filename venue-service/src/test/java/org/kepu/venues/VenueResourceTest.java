package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.kepu.common.testing.TestPlaces;
import org.junit.jupiter.api.Test;
import org.kepu.common.security.DevTokenMinter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class VenueResourceTest {

    static final DevTokenMinter TOKENS = DevTokenMinter.fromEnvironment();

    static String admin() {
        return TOKENS.token("admin").role("admin").sign();
    }

    static Map<String, Object> museum(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", name);
        body.put("kind", "SCIENCE_MUSEUM");
        body.putAll(TestPlaces.scienceCentre());
        return body;
    }

    @Test
    void anAdminRegistersAVenueEveryoneCanFind() {
        String name = "广东科学中心 " + UUID.randomUUID();
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(museum(name)).when()
                .post("/api/v1/venues").then().statusCode(201).header("ETag", notNullValue()).extract().path("id");
        given().when().get("/api/v1/venues/" + id).then().statusCode(200).body("nameZh", equalTo(name));
        given().queryParam("divisionCode", "440100").queryParam("kind", "SCIENCE_MUSEUM").queryParam("size", 100)
                .when().get("/api/v1/venues").then().statusCode(200).body("items.nameZh", hasItem(name));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRegistersOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = museum("重试科技馆 " + UUID.randomUUID());
        String first = given().auth().oauth2(admin()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/venues").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/venues").then().statusCode(201).body("id", equalTo(first));
        body.put("nameZh", "另一个名字");
        given().auth().oauth2(admin()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/venues").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsRegisterVenues() {
        given().contentType(ContentType.JSON).body(museum("匿名")).when().post("/api/v1/venues").then().statusCode(401)
                .contentType("application/problem+json");
        String organizer = TOKENS.token("o").role("organizer").organization("o").sign();
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(museum("组织者")).when()
                .post("/api/v1/venues").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidVenuesAreListedInOneProblem() {
        Map<String, Object> bad = museum("");
        bad.put("divisionCode", "110101");
        bad.put("longitude", 200);
        bad.put("kind", null);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bad).when().post("/api/v1/venues").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("nameZh", "divisionCode", "longitude", "kind"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("nameZh", "x", "kind", "SPACESHIP"))
                .when().post("/api/v1/venues").then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void unknownVenuesAndBadIdsAreProblems() {
        given().when().get("/api/v1/venues/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/venues/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }
}
