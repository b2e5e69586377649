package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.assignManager;
import static org.kepu.venues.Venues.etag;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;
import static org.kepu.venues.Venues.with;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.venues.messaging.VenueFacts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The directory as admins, venue managers and visitors use it. */
@QuarkusTest
class VenueDirectoryTest {

    @Test
    void aRegisteredVenueShowsEverythingAVisitorReads() {
        String id = register(scienceCentre("广东科学中心"));
        given().when().get("/api/v1/venues/" + id).then().statusCode(200)
                .body("kind", equalTo("SCIENCE_MUSEUM")).body("category", equalTo("SCIENCE_MUSEUMS"))
                .body("cityCode", equalTo("440100")).body("economicRegion", equalTo("PRD"))
                .body("status", equalTo("ACTIVE")).body("accessibility", hasItem("WHEELCHAIR_ACCESS"))
                .body("tourLanguages", contains("zh", "yue", "en")).body("themes", contains("SPACE", "AI"))
                .body("capacity", equalTo(8000)).body("website", equalTo("https://www.gdsc.cn"))
                .body("certification", nullValue());
    }

    @Test
    void onlyItsManagersAndAdminsChangeAVenue() {
        String id = register(scienceCentre("管理权限科技馆"));
        String other = register(scienceCentre("别人的科技馆"));
        assignManager(id, "manager-" + id);

        asManager("manager-" + id).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(with(scienceCentre("管理权限科技馆（新馆）"), "capacity", 9000)).when().put("/api/v1/venues/" + id)
                .then().statusCode(200).body("nameZh", equalTo("管理权限科技馆（新馆）")).body("capacity", equalTo(9000));
        asManager("manager-" + id).header("If-Match", etag(other)).contentType(ContentType.JSON)
                .body(scienceCentre("抢来的")).when().put("/api/v1/venues/" + other).then().statusCode(403)
                .contentType("application/problem+json");
        // A manager scoped by the token's venues claim needs no assignment.
        given().auth().oauth2(Venues.TOKENS.token("claimed").role("venue-manager").venues(List.of(other)).sign())
                .header("If-Match", "*").contentType(ContentType.JSON).body(scienceCentre("别人的科技馆（改）")).when()
                .put("/api/v1/venues/" + other).then().statusCode(200);
        given().auth().oauth2(Venues.TOKENS.token("o").role("organizer").organization("o").sign())
                .header("If-Match", "*").contentType(ContentType.JSON).body(scienceCentre("组织者")).when()
                .put("/api/v1/venues/" + id).then().statusCode(403);
        // Only admins assign managers.
        asManager("manager-" + id).contentType(ContentType.JSON).body(Map.of("subjects", List.of("me")))
                .when().put("/api/v1/venues/" + id + "/managers").then().statusCode(403);
        asManager("manager-" + id).when().get("/api/v1/venues/" + id + "/managers").then().statusCode(200)
                .body("managers.subject", contains("manager-" + id)).body("managers[0].assignedBy", equalTo("admin-1"));
    }

    @Test
    void changesNeedTheCurrentETag() {
        String id = register(scienceCentre("版本科技馆"));
        String tag = etag(id);
        asAdmin().contentType(ContentType.JSON).body(scienceCentre("无条件")).when().put("/api/v1/venues/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        asAdmin().header("If-Match", tag).contentType(ContentType.JSON).body(scienceCentre("第一次")).when()
                .put("/api/v1/venues/" + id).then().statusCode(200);
        asAdmin().header("If-Match", tag).contentType(ContentType.JSON).body(scienceCentre("过时的")).when()
                .put("/api/v1/venues/" + id).then().statusCode(412).contentType("application/problem+json");
        String now = etag(id);
        given().header("If-None-Match", now).when().get("/api/v1/venues/" + id).then().statusCode(304);
        given().header("If-None-Match", tag).when().get("/api/v1/venues/" + id).then().statusCode(200)
                .body("nameZh", equalTo("第一次"));
    }

    @Test
    void managersCloseForAWhileAndOnlyAdminsCloseForGood() {
        String id = register(scienceCentre("闭馆科技馆 " + UUID.randomUUID()));
        assignManager(id, "manager-" + id);
        asManager("manager-" + id).contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED")).when()
                .post("/api/v1/venues/" + id + "/status").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        asManager("manager-" + id).contentType(ContentType.JSON)
                .body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "展馆升级改造")).when()
                .post("/api/v1/venues/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("TEMPORARILY_CLOSED")).body("statusReason", equalTo("展馆升级改造"));
        asManager("manager-" + id).contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "reason", "撤并"))
                .when().post("/api/v1/venues/" + id + "/status").then().statusCode(403);

        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "reason", "撤并")).when()
                .post("/api/v1/venues/" + id + "/status").then().statusCode(200);
        given().when().get("/api/v1/venues/" + id).then().statusCode(404);
        given().queryParam("q", "闭馆科技馆").when().get("/api/v1/venues").then().body("items.id", not(hasItem(id)));
        asAdmin().when().get("/api/v1/venues/" + id).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void virtualMuseumsNeedNoCoordinatesButPlacesDo() {
        Map<String, Object> virtual = scienceCentre("广东虚拟科技馆");
        virtual.put("kind", "VIRTUAL_SCIENCE_MUSEUM");
        virtual.remove("latitude");
        virtual.remove("longitude");
        register(virtual);
        Map<String, Object> placeless = scienceCentre("没有坐标的图书馆");
        placeless.put("kind", "LIBRARY");
        placeless.remove("longitude");
        asAdmin().contentType(ContentType.JSON).body(placeless).when().post("/api/v1/venues").then().statusCode(400)
                .body("errors[0].field", equalTo("longitude"));
        placeless.remove("latitude");
        asAdmin().contentType(ContentType.JSON).body(placeless).when().post("/api/v1/venues").then().statusCode(400)
                .body("errors[0].field", equalTo("latitude"));
    }

    @Test
    void everyChangeIsAFactWithoutManagers() throws Exception {
        String id = register(scienceCentre("事实科技馆"));
        assignManager(id, "secret-manager");
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "TEMPORARILY_CLOSED", "reason", "台风")).when()
                .post("/api/v1/venues/" + id + "/status").then().statusCode(200);

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, VenueFacts.TOPIC, id, 2, Duration.ofSeconds(20));
        assertEquals(List.of(VenueFacts.REGISTERED, VenueFacts.STATUS_CHANGED),
                facts.stream().map(FactReader::typeOf).toList());
        assertTrue(facts.get(1).contains("\"status\":\"TEMPORARILY_CLOSED\""), facts.get(1));
        assertFalse(facts.stream().anyMatch(fact -> fact.contains("secret-manager")));
    }
}
