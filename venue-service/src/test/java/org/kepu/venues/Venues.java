package org.kepu.venues;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.common.testing.TestPlaces;
import org.kepu.common.security.DevTokenMinter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Arranges venues through the API as admins and managers do. */
final class Venues {

    static final DevTokenMinter TOKENS = DevTokenMinter.fromEnvironment();

    private Venues() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TOKENS.token("admin-1").role("admin").sign());
    }

    /** A venue manager by subject, with no venues claim: only assignments scope them. */
    static RequestSpecification asManager(String subject) {
        return given().auth().oauth2(TOKENS.token(subject).role("venue-manager").sign());
    }

    static RequestSpecification asAnalyst() {
        return given().auth().oauth2(TOKENS.token("analyst-1").role("analyst").sign());
    }

    /** 广东科学中心 with everything a visitor reads; tests override what they need. */
    static Map<String, Object> scienceCentre(String nameZh) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", nameZh);
        body.put("nameEn", "Guangdong Science Center");
        body.put("descriptionZh", "华南地区规模最大的综合性科技馆");
        body.put("kind", "SCIENCE_MUSEUM");
        body.putAll(TestPlaces.scienceCentre());
        body.put("themes", List.of("SPACE", "AI"));
        body.put("audiences", List.of("YOUTH", "PUBLIC"));
        body.put("capacity", 8000);
        body.put("facilities", List.of("EXHIBITION_HALL", "DOME_THEATRE"));
        body.put("accessibility", List.of("WHEELCHAIR_ACCESS", "PARKING", "GUIDED_TOURS"));
        body.put("tourLanguages", List.of("zh", "yue", "en"));
        body.put("contactPhone", "020-39348080");
        body.put("contactEmail", "service@gdsc.cn");
        body.put("website", "https://www.gdsc.cn");
        body.put("photos", List.of("https://img.example.cn/gdsc/hall.jpg"));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    static String register(Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/venues").then()
                .statusCode(201).extract().path("id");
    }

    static String etag(String id) {
        return asAdmin().when().get("/api/v1/venues/" + id).then().statusCode(200).extract().header("ETag");
    }

    static void assignManager(String id, String subject) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("subjects", List.of(subject))).when()
                .put("/api/v1/venues/" + id + "/managers").then().statusCode(200);
    }

    /** Open every day 09:00–17:00. */
    static void openDaily(String id) {
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.put(day, List.of(Map.of("opens", "09:00", "closes", "17:00")));
        }
        asAdmin().header("If-Match", "*").contentType(ContentType.JSON).body(Map.of("weekly", week)).when()
                .put("/api/v1/venues/" + id + "/opening-hours").then().statusCode(200);
    }

    /** An aggregate as stored now, read in a transaction of its own. */
    static <T> T stored(PanacheRepositoryBase<T, UUID> repository, String id) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findById(UUID.fromString(id)));
    }
}
