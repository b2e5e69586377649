package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.kepu.events.Partners.item;
import static org.kepu.events.Partners.push;
import static org.kepu.events.Partners.pushAs;
import static org.kepu.events.Partners.withdrawal;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.InParallel;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Partner agencies push events in batches, idempotent by their own ids, and see only their own. Every batch is sent
 * twice ({@link Partners#push}): the second answer must be UNCHANGED for every item the first stored.
 */
@QuarkusTest
class PartnerPushTest {

    @Test
    void aMixedBatchStoresTheValidItemsAndNamesTheFieldsOfTheOthers() {
        String p = "gz-platform-" + UUID.randomUUID();
        Map<String, Object> bad = item("bad-1", "PUBLISHED", "");
        Map<String, Object> wrongType = item("bad-2", "PUBLISHED", "类型错误");
        ((Map<String, Object>) wrongType.get("event")).put("capacity", "很多");
        // Refused by a rule while storing (in the batch's transaction), not by reading: the others stay stored.
        Map<String, Object> unknownSeries = item("bad-3", "PUBLISHED", "系列不存在");
        ((Map<String, Object>) unknownSeries.get("event")).put("seriesId", UUID.randomUUID().toString());
        List<Object> items = List.of(item("ev-1", "PUBLISHED", "伙伴推送·公开"), item("ev-2", "DRAFT", "伙伴推送·草稿"),
                bad, wrongType, withdrawal("never-pushed", "取消"),
                unknownSeries);
        JsonPath first = push(p, items).statusCode(207).body("summary.received", equalTo(6))
                .body("summary.created", equalTo(2)).body("summary.rejected", equalTo(4))
                .body("items[5].problem.errors.field", hasItem("items[5].event.seriesId"))
                .body("items[0].result", equalTo("CREATED")).body("items[1].result", equalTo("CREATED"))
                .body("items[2].result", equalTo("REJECTED"))
                .body("items[2].problem.errors.field", hasItem("items[2].event.titleZh"))
                .body("items[3].problem.errors.field", hasItem("items[3].event.capacity"))
                .body("items[4].problem.status", equalTo(404)).extract().jsonPath();
        String published = first.getString("items[0].id");
        long version = first.getLong("items[0].version");

        // Published pushed events are ordinary public events, with their source shown; drafts stay the partner's.
        given().when().get("/api/v1/events/" + published).then().statusCode(200)
                .body("partnerId", equalTo(p)).body("externalId", equalTo("ev-1")).body("status", equalTo("PUBLISHED"));
        given().when().get("/api/v1/events/" + first.getString("items[1].id")).then().statusCode(404);

        // The same batch again changes nothing.
        push(p, items).statusCode(207).body("summary.unchanged", equalTo(2)).body("summary.created", equalTo(0))
                .body("items[0].version", equalTo((int) version));
        // The same content with its keys in another order is the same content.
        Map<String, Object> reordered = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        reordered.putAll(item("ev-1", "PUBLISHED", "伙伴推送·公开"));
        push(p, List.of(reordered)).statusCode(200).body("items[0].result", equalTo("UNCHANGED"));

        // A change is a new version; the draft is published by saying so.
        push(p, List.of(item("ev-1", "PUBLISHED", "伙伴推送·公开（改期）"), item("ev-2", "PUBLISHED", "伙伴推送·草稿")))
                .statusCode(200).body("summary.updated", equalTo(2)).body("items[0].version", equalTo((int) version + 1));
        given().when().get("/api/v1/events/" + first.getString("items[1].id")).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        push(p, List.of(item("ev-2", "DRAFT", "伙伴推送·草稿"))).statusCode(207)
                .body("items[0].problem.type", containsString("cannot-unpublish"));

        // Withdrawn by external id, with a reason the public reads.
        push(p, List.of(withdrawal("ev-1", "因台风取消"))).statusCode(200)
                .body("items[0].result", equalTo("WITHDRAWN"));
        given().when().get("/api/v1/events/" + published).then().body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("因台风取消"));
        push(p, List.of(Map.of("externalId", "ev-1", "state", "CANCELLED"))).statusCode(207)
                .body("items[0].problem.errors.field", hasItem("items[0].cancelReason"));

        // Read back by the partner's own id, and listed.
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events/ev-2").then().statusCode(200)
                .body("externalId", equalTo("ev-2"));
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events").then().statusCode(200)
                .body("total", equalTo(2));
    }

    /**
     * A partner that sends its withdrawal again (it timed out waiting for the answer) is told that nothing changed,
     * with the event's id, as the first answer would have told it: not that the event does not exist.
     */
    @Test
    void aWithdrawalSentAgainIsUnchangedWithTheSameEventId() {
        String p = "retry-" + UUID.randomUUID();
        String id = push(p, List.of(item("draft-1", "DRAFT", "撤回后重试"))).statusCode(200)
                .body("items[0].result", equalTo("CREATED")).extract().path("items[0].id");
        List<Object> withdraw = List.of(withdrawal("draft-1", "计划取消"));
        push(p, withdraw).statusCode(200).body("items[0].result", equalTo("WITHDRAWN")).body("items[0].id", equalTo(id));

        push(p, withdraw).statusCode(200).body("summary.unchanged", equalTo(1)).body("summary.rejected", equalTo(0))
                .body("items[0].result", equalTo("UNCHANGED")).body("items[0].id", equalTo(id))
                .body("items[0].problem", nullValue());
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events/draft-1").then().statusCode(404);
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events").then().body("total", equalTo(0));
    }

    /**
     * Whatever a batch did — update, publish, cancel, create and withdraw, several items for one external id — the same
     * batch sent again changes nothing ({@link Partners#push} checks every item of the second answer).
     */
    @Test
    void aBatchThatUpdatesPublishesAndWithdrawsChangesNothingWhenSentAgain() {
        String p = "mixed-retry-" + UUID.randomUUID();
        String upd = push(p, List.of(item("upd", "DRAFT", "待更新"), item("pub", "PUBLISHED", "公开活动"),
                item("gone", "DRAFT", "将撤回"))).statusCode(200).extract().path("items[0].id");
        String pub = given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events/pub").then()
                .extract().path("id");
        List<Object> batch = List.of(item("upd", "DRAFT", "已更新"), item("upd", "PUBLISHED", "已更新并公开"),
                item("pub", "PUBLISHED", "公开活动（改期）"), withdrawal("pub", "场地检修"), item("new", "DRAFT", "新草稿"),
                withdrawal("new", "不办了"), withdrawal("gone", "不办了"));
        JsonPath first = push(p, batch).statusCode(200).extract().jsonPath();
        assertEquals(List.of("UPDATED", "UPDATED", "UPDATED", "WITHDRAWN", "CREATED", "WITHDRAWN", "WITHDRAWN"),
                first.getList("items.result"));

        given().when().get("/api/v1/events/" + upd).then().body("status", equalTo("PUBLISHED"))
                .body("titleZh", equalTo("已更新并公开")).body("version", equalTo(2));
        given().when().get("/api/v1/events/" + pub).then().body("status", equalTo("CANCELLED"))
                .body("titleZh", equalTo("公开活动（改期）")).body("cancelReason", equalTo("场地检修"));
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events").then().body("total", equalTo(2));
    }

    /**
     * A withdrawn draft's external id stays the partner's: other content creates a new event; the content the draft
     * held when it was withdrawn is a late retry of what came before the withdrawal, and changes nothing.
     */
    @Test
    void aWithdrawnDraftComesBackOnlyWithOtherContent() {
        String p = "again-" + UUID.randomUUID();
        Map<String, Object> draft = item("again-1", "DRAFT", "第一版");
        String withdrawn = push(p, List.of(draft)).statusCode(200).extract().path("items[0].id");
        push(p, List.of(withdrawal("again-1", "重新策划"))).statusCode(200);

        push(p, List.of(draft)).statusCode(200).body("items[0].result", equalTo("UNCHANGED"))
                .body("items[0].id", equalTo(withdrawn));
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events/again-1").then().statusCode(404);

        String created = push(p, List.of(item("again-1", "PUBLISHED", "第二版"))).statusCode(200)
                .body("items[0].result", equalTo("CREATED")).extract().path("items[0].id");
        assertNotEquals(withdrawn, created);
        given().when().get("/api/v1/events/" + created).then().statusCode(200).body("titleZh", equalTo("第二版"))
                .body("externalId", equalTo("again-1"));
        given().when().get("/api/v1/events/" + withdrawn).then().statusCode(404);
        // Public now, so a withdrawal cancels it, and the earlier draft's content cannot bring the draft back.
        push(p, List.of(withdrawal("again-1", "再次取消"))).statusCode(200).body("items[0].id", equalTo(created));
        push(p, List.of(draft)).statusCode(207).body("items[0].problem.type", containsString("cannot-unpublish"));
    }

    /**
     * The events new to Kepu in a batch are written together in one statement: each must be stored exactly as the
     * same details are when an organizer creates them one at a time, every field and list included.
     */
    @Test
    void anEventNewInABatchIsStoredAsTheSameDetailsAreOneByOne() {
        String org = Organizers.newOrg();
        String series = Organizers.publish(org, Organizers.event("2031年科技活动周"));
        Map<String, Object> details = Organizers.event("全字段·伙伴推送");
        details.put("titleEn", "Every \"field\", pushed");
        details.put("descriptionZh", "带引号\"和反斜杠\\的描述");
        details.put("descriptionEn", "A description");
        details.put("seriesId", series);
        details.put("themes", List.of("AI", "HEALTH"));
        details.put("audiences", List.of("YOUTH", "PUBLIC"));
        details.put("format", "HYBRID");
        details.put("streamUrl", "https://live.example.cn/kepu/2031");
        details.put("responsibleUnits", List.of("省科协", "a,b \"c\" \\d", "{x}", "NULL"));
        details.put("takesRegistrations", true);
        details.put("registrationSizeCap", 4);
        details.put("keepsWaitList", true);
        details.put("registrationOpensAt", "2024-05-01T09:00:00+08:00");
        details.put("registrationClosesAt", "2024-05-17T18:00:00+08:00");
        String p = "full-" + UUID.randomUUID();
        Map<String, Object> item = new HashMap<>(Map.of("externalId", "full-1", "state", "PUBLISHED", "event", details));
        String pushed = push(p, List.of(item, item("other-1", "DRAFT", "同批草稿"))).statusCode(200)
                .body("items[0].result", equalTo("CREATED")).body("items[0].version", equalTo(0))
                .extract().path("items[0].id");
        String created = Organizers.publish(org, details);

        Map<String, Object> asPushed = given().when().get("/api/v1/events/" + pushed).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> asCreated = given().when().get("/api/v1/events/" + created).then().statusCode(200)
                .extract().jsonPath().getMap("");
        for (String ownOnly : List.of("id", "organizerOrg", "partnerId", "externalId", "version", "createdAt",
                "updatedAt", "publishedAt", "_links")) {
            asPushed.remove(ownOnly);
            asCreated.remove(ownOnly);
        }
        assertEquals(asCreated, asPushed);
        assertEquals(List.of("省科协", "a,b \"c\" \\d", "{x}", "NULL"), asPushed.get("responsibleUnits"));
        // And announced as any published event is: its fact on kepu.events, once (the relay marks what it sent;
        // a fact left unmarked would be sent again at every poll, one a second).
        assertEquals(List.of("kepu.event.published"), EventLifecycleTest.factTypesFor(pushed, 1));
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        assertEquals(1, FactReader.values(servers, "kepu.events", pushed, 2, Duration.ofSeconds(4)).size());
    }

    @Test
    void theSameExternalIdTwiceInABatchIsCreatedThenUpdated() {
        String p = "twice-" + UUID.randomUUID();
        push(p, List.of(item("twice-1", "DRAFT", "第一稿"), item("other", "PUBLISHED", "另一个"),
                item("twice-1", "PUBLISHED", "第二稿"))).statusCode(200)
                .body("items.result", equalTo(List.of("CREATED", "CREATED", "UPDATED")))
                .body("items[2].version", equalTo(1));
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events/twice-1").then().statusCode(200)
                .body("titleZh", equalTo("第二稿")).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events").then().body("total", equalTo(2));
    }

    @Test
    void aPartnerNeverSeesOrChangesAnothersEvents() {
        String a = "partner-a-" + UUID.randomUUID();
        String b = "partner-b-" + UUID.randomUUID();
        String draft = push(a, List.of(item("shared-id", "DRAFT", "甲的草稿"))).statusCode(200).extract()
                .path("items[0].id");
        given().auth().oauth2(Partners.token(b)).when().get("/api/v1/partner-events/shared-id").then().statusCode(404);
        given().auth().oauth2(Partners.token(b)).when().get("/api/v1/events/" + draft).then().statusCode(404);
        // The same external id from another partner is another event: ids are each partner's own.
        String theirs = push(b, List.of(item("shared-id", "PUBLISHED", "乙的活动"))).statusCode(200).extract()
                .path("items[0].id");
        assertTrue(!theirs.equals(draft));
        given().auth().oauth2(Partners.token(a)).when().get("/api/v1/partner-events/shared-id").then()
                .body("titleZh", equalTo("甲的草稿"));
        pushAs(Organizers.token(Organizers.newOrg()), List.of(item("x", "DRAFT", "冒充"))).statusCode(403);
        pushAs(null, List.of(item("x", "DRAFT", "匿名"))).statusCode(401);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        String p = "big-" + UUID.randomUUID();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(withdrawal("e" + i, "x"));
        }
        push(p, items).statusCode(413).contentType("application/problem+json")
                .body("type", containsString("batch-too-large"));
        push(p, List.of()).statusCode(400).body("errors[0].field", equalTo("items"));
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events").then().body("total", equalTo(0));
    }

    @Test
    void concurrentBatchesForTheSameIdsMakeOneEventEach() throws Exception {
        String p = "race-" + UUID.randomUUID();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(item("race-" + i, "PUBLISHED", "并发推送 " + i));
        }
        List<Callable<Integer>> pushes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pushes.add(() -> push(p, items).extract().statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200), InParallel.all(pushes));
        JsonPath listed = given().auth().oauth2(Partners.token(p)).queryParam("size", 100).when()
                .get("/api/v1/partner-events").then().statusCode(200).extract().jsonPath();
        assertEquals(10, listed.getInt("total"));
        assertEquals(10, listed.getList("items.externalId").stream().distinct().count());
        given().auth().oauth2(Partners.token(p)).when().get("/api/v1/partner-events/race-3").then()
                .body("version", equalTo(0)).body("cancelReason", nullValue());
    }
}
