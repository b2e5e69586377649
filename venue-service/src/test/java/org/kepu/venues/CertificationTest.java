package org.kepu.venues;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kepu.venues.Venues.asAdmin;
import static org.kepu.venues.Venues.asAnalyst;
import static org.kepu.venues.Venues.asManager;
import static org.kepu.venues.Venues.assignManager;
import static org.kepu.venues.Venues.register;
import static org.kepu.venues.Venues.scienceCentre;
import static org.kepu.venues.Venues.with;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.testing.FactReader;
import org.kepu.venues.messaging.VenueFacts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Education-base certification as the province's staff run it. */
@QuarkusTest
class CertificationTest {

    static ValidatableResponse move(String id, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return asAdmin().contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/venues/" + id + "/certification/moves").then();
    }

    static String base(String name) {
        return register(with(scienceCentre(name), "kind", "EDUCATION_BASE", "divisionCode", "441402", "latitude",
                24.29, "longitude", 116.12));
    }

    @Test
    void aBaseIsCertifiedEvaluatedAndRevokedWithEveryMoveKept() throws Exception {
        String id = base("梅州客家科普教育基地");
        move(id, "move", "APPLY", "notes", "申报省级科普教育基地").statusCode(201).body("status", equalTo("APPLIED"));
        move(id, "move", "CERTIFY", "level", "PROVINCIAL", "validFrom", "2024-01-01", "validUntil", "2028-12-31")
                .statusCode(201).body("status", equalTo("CERTIFIED")).body("level", equalTo("PROVINCIAL"));
        move(id, "move", "EVALUATE", "year", 2025, "score", 91, "result", "EXCELLENT").statusCode(201)
                .body("lastEvaluatedYear", equalTo(2025));
        move(id, "move", "EVALUATE", "year", 2025, "score", 80, "result", "PASS").statusCode(409)
                .contentType("application/problem+json");
        move(id, "move", "REINSTATE").statusCode(409).body("detail", containsString("CERTIFIED"));

        // Visitors see the level; the history is for staff and the base's managers.
        given().when().get("/api/v1/venues/" + id).then().body("certification.level", equalTo("PROVINCIAL"))
                .body("certification.status", equalTo("CERTIFIED"));
        given().queryParam("level", "PROVINCIAL").queryParam("q", "梅州客家").when().get("/api/v1/venues").then()
                .body("items.id", hasItem(id));
        given().when().get("/api/v1/venues/" + id + "/certification").then().statusCode(401);
        asManager("stranger").when().get("/api/v1/venues/" + id + "/certification").then().statusCode(403);
        assignManager(id, "base-manager-" + id);
        asManager("base-manager-" + id).when().get("/api/v1/venues/" + id + "/certification").then().statusCode(200)
                .body("history.move", contains("APPLY", "CERTIFY", "EVALUATE"))
                .body("history.movedBy", contains("admin-1", "admin-1", "admin-1"))
                .body("history[2].score", equalTo(91));
        asManager("base-manager-" + id).contentType(ContentType.JSON).body(Map.of("move", "REVOKE", "notes", "x"))
                .when().post("/api/v1/venues/" + id + "/certification/moves").then().statusCode(403);

        move(id, "move", "REVOKE").statusCode(400).body("errors[0].field", equalTo("notes"));
        move(id, "move", "REVOKE", "notes", "停止运营").statusCode(201).body("status", equalTo("REVOKED"));
        given().queryParam("level", "PROVINCIAL").queryParam("q", "梅州客家").when().get("/api/v1/venues").then()
                .body("items.id", not(hasItem(id)));

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, VenueFacts.TOPIC, id, 5, Duration.ofSeconds(20));
        assertEquals(List.of(VenueFacts.REGISTERED, VenueFacts.CERTIFICATION_CHANGED,
                VenueFacts.CERTIFICATION_CHANGED, VenueFacts.CERTIFICATION_CHANGED, VenueFacts.CERTIFICATION_CHANGED),
                facts.stream().map(FactReader::typeOf).toList());
        assertTrue(facts.get(3).contains("\"score\":91"), facts.get(3));
    }

    @Test
    void aLapsedCertificateIsNotCertifiedAndTheReviewListFindsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String lapsed = base("过期基地 " + tag);
        move(lapsed, "move", "APPLY");
        move(lapsed, "move", "CERTIFY", "level", "MUNICIPAL", "validFrom", "2019-01-01", "validUntil", "2023-12-31")
                .statusCode(201).body("status", equalTo("LAPSED"));
        String due = base("待考核基地 " + tag);
        move(due, "move", "APPLY");
        move(due, "move", "CERTIFY", "level", "MUNICIPAL", "validFrom", "2024-01-01", "validUntil", "2099-12-31");
        String done = base("已考核基地 " + tag);
        move(done, "move", "APPLY");
        move(done, "move", "CERTIFY", "level", "MUNICIPAL", "validFrom", "2024-01-01", "validUntil", "2099-12-31");
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        move(done, "move", "EVALUATE", "year", thisYear, "score", 75, "result", "PASS").statusCode(201);

        given().when().get("/api/v1/venues/" + lapsed).then().body("certification.status", equalTo("LAPSED"));
        asAnalyst().queryParam("status", "LAPSED").queryParam("size", 100).queryParam("divisionCode", "441402").when()
                .get("/api/v1/education-bases").then().statusCode(200).body("items.venueId", hasItem(lapsed))
                .body("items.venueId", not(hasItem(due)));
        asAnalyst().queryParam("evaluationDue", thisYear).queryParam("level", "MUNICIPAL").queryParam("size", 100)
                .when().get("/api/v1/education-bases").then().body("items.venueId", hasItem(due))
                .body("items.venueId", not(hasItem(done))).body("items.venueId", not(hasItem(lapsed)));
        given().when().get("/api/v1/education-bases").then().statusCode(401);
        asManager("m").when().get("/api/v1/education-bases").then().statusCode(403);
    }

    @Test
    void aCertificateWhoseValidityHasNotBegunIsNotCertifiedYetAnywhere() {
        // 海丰, where no other test certifies: the review list below reads one county's bases.
        String word = "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String current = register(with(scienceCentre("海丰在期基地 " + word), "kind", "EDUCATION_BASE", "divisionCode",
                "441521", "latitude", 22.97, "longitude", 115.32));
        String future = register(with(scienceCentre("海丰未生效基地 " + word), "kind", "EDUCATION_BASE",
                "divisionCode", "441521", "latitude", 22.97, "longitude", 115.33));
        int thisYear = LocalDate.now(ProvinceTime.ZONE).getYear();
        // Four years on (2030 from 2026), so it has not begun whenever the test runs.
        String begins = (thisYear + 4) + "-01-01";
        move(current, "move", "APPLY");
        move(current, "move", "CERTIFY", "level", "NATIONAL", "validFrom", "2024-01-01", "validUntil", "2099-12-31")
                .statusCode(201).body("status", equalTo("CERTIFIED"));
        move(future, "move", "APPLY");
        move(future, "move", "CERTIFY", "level", "NATIONAL", "validFrom", begins, "validUntil",
                (thisYear + 8) + "-12-31").statusCode(201).body("status", equalTo("NOT_YET_VALID"));

        given().when().get("/api/v1/venues/" + future).then().body("certification.status", equalTo("NOT_YET_VALID"))
                .body("certification.validFrom", equalTo(begins));
        given().queryParam("q", word).queryParam("level", "NATIONAL").when().get("/api/v1/venues").then()
                .statusCode(200).body("items.id", contains(current));
        bases("status", "CERTIFIED").body("items.venueId", hasItem(current)).body("items.venueId", not(hasItem(future)));
        bases("status", "NOT_YET_VALID").body("items.venueId", hasItem(future))
                .body("items.find { it.venueId == '" + future + "' }.status", equalTo("NOT_YET_VALID"));
        bases("status", "LAPSED").body("items.venueId", not(hasItem(future)));
        bases("evaluationDue", thisYear).body("items.venueId", hasItem(current))
                .body("items.venueId", not(hasItem(future)));
        // EVALUATE refuses a year past the validity, so no such year is due.
        move(current, "move", "EVALUATE", "year", 2100, "score", 90, "result", "EXCELLENT").statusCode(400)
                .body("errors[0].field", equalTo("year"));
        bases("evaluationDue", 2100).body("items.venueId", not(hasItem(current)));
    }

    /** 海丰's national bases in the review list, with one more filter. */
    static ValidatableResponse bases(String filter, Object value) {
        return asAnalyst().queryParam("divisionCode", "441521").queryParam("level", "NATIONAL")
                .queryParam(filter, value).queryParam("size", 100).when().get("/api/v1/education-bases").then()
                .statusCode(200);
    }

    @Test
    void mobileUnitsAreNotCertified() {
        Map<String, Object> caravan = scienceCentre("科普大篷车一号");
        caravan.put("kind", "CARAVAN");
        caravan.remove("latitude");
        caravan.remove("longitude");
        String id = register(caravan);
        move(id, "move", "APPLY").statusCode(409).body("type", containsString("venue-not-certifiable"));
    }
}
