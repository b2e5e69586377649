package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kepu.events.repository.EventRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Discovery as the public uses it; each test searches only its own organization's events. */
@QuarkusTest
class EventSearchTest {

    @Inject
    EventRepository events;

    static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void chineseFreeTextFindsWordsInsideTitles() {
        String org = newOrg();
        publish(org, event("第七届广东科普嘉年华"));
        publish(org, with(event("第24届广东省青少年机器人竞赛"), "type", "COMPETITION"));
        publish(org, with(event("世界气象日主题活动"), "type", "THEMED_DAY", "titleEn", "World Meteorological Day"));

        given().queryParam("organizer", org).queryParam("q", "科普").when().get("/api/v1/events").then()
                .statusCode(200).body("items.titleZh", contains("第七届广东科普嘉年华"));
        given().queryParam("organizer", org).queryParam("q", "机器人").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("第24届广东省青少年机器人竞赛"));
        given().queryParam("organizer", org).queryParam("q", "meteorological").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("世界气象日主题活动"));
        given().queryParam("organizer", org).queryParam("q", "航天").when().get("/api/v1/events").then()
                .body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void aCityCodeFindsItsCountiesAndTheProvinceFindsAll() {
        String org = newOrg();
        publish(org, with(event("番禺区活动"), "divisionCode", "440113"));
        publish(org, with(event("天河区活动"), "divisionCode", "440106"));
        publish(org, with(event("梅江区活动"), "divisionCode", "441402"));

        given().queryParam("organizer", org).queryParam("divisionCode", "440100").when().get("/api/v1/events").then()
                .body("items.titleZh", containsInAnyOrder("番禺区活动", "天河区活动"));
        given().queryParam("organizer", org).queryParam("divisionCode", "441402").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("梅江区活动"));
        given().queryParam("organizer", org).queryParam("divisionCode", "440000").when().get("/api/v1/events").then()
                .body("total", equalTo(3));
        given().queryParam("organizer", org).queryParam("economicRegion", "NORTH").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("梅江区活动")).body("items[0].economicRegion", equalTo("NORTH"));
    }

    @Test
    void dateRangesMatchEventsThatOverlapThem() {
        String org = newOrg();
        publish(org, with(event("五月跨两天"), "startsAt", "2024-05-31T09:00:00+08:00", "endsAt", "2024-06-01T17:00:00+08:00"));
        publish(org, with(event("四月"), "startsAt", "2024-04-10T09:00:00+08:00", "endsAt", "2024-04-10T17:00:00+08:00"));

        given().queryParam("organizer", org).queryParam("from", "2024-06-01T00:00:00+08:00")
                .queryParam("to", "2024-06-30T23:59:59+08:00").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("五月跨两天"));
    }

    /**
     * A window lists, soonest first, the events already running when it starts (ending at its first instant counts)
     * and then those starting within it, both ends included, in pages that follow on; the same in a county, a city,
     * the province and with a filter. The two kinds are found apart (repository.StructuredSearch), so this is where
     * a lost kind or an edge counted twice would show.
     */
    @Test
    void aWindowListsTheEventsAlreadyRunningThenThoseStartingInIt() {
        String org = newOrg();
        publish(org, with(event("五月起的展览"), "startsAt", "2024-05-20T09:00:00+08:00", "endsAt", "2024-06-20T17:00:00+08:00"));
        publish(org, with(event("正好在起点结束"), "startsAt", "2024-05-31T18:00:00+08:00", "endsAt", "2024-06-01T00:00:00+08:00"));
        publish(org, with(event("前一晚开始"), "startsAt", "2024-05-31T20:00:00+08:00", "endsAt", "2024-06-01T10:00:00+08:00",
                "type", "SCIENCE_NIGHT"));
        publish(org, with(event("正好在起点开始"), "startsAt", "2024-06-01T00:00:00+08:00", "endsAt", "2024-06-01T02:00:00+08:00"));
        publish(org, with(event("窗口之中"), "startsAt", "2024-06-10T09:00:00+08:00", "endsAt", "2024-06-10T17:00:00+08:00",
                "type", "SCIENCE_NIGHT"));
        publish(org, with(event("正好在终点开始"), "startsAt", "2024-06-30T23:59:59+08:00", "endsAt", "2024-07-01T09:00:00+08:00"));
        publish(org, with(event("起点前已结束"), "startsAt", "2024-05-31T09:00:00+08:00", "endsAt", "2024-05-31T23:59:59+08:00"));
        publish(org, with(event("终点之后"), "startsAt", "2024-07-01T09:00:00+08:00", "endsAt", "2024-07-01T17:00:00+08:00"));
        List<String> inOrder = List.of("五月起的展览", "正好在起点结束", "前一晚开始", "正好在起点开始", "窗口之中", "正好在终点开始");

        for (String place : new String[]{"440113", "440100", "440000"}) {
            given().queryParam("organizer", org).queryParam("divisionCode", place)
                    .queryParam("from", "2024-06-01T00:00:00+08:00").queryParam("to", "2024-06-30T23:59:59+08:00")
                    .when().get("/api/v1/events").then().statusCode(200)
                    .body("items.titleZh", contains(inOrder.toArray())).body("total", equalTo(6));
        }
        given().queryParam("organizer", org).queryParam("from", "2024-06-01T00:00:00+08:00")
                .queryParam("to", "2024-06-30T23:59:59+08:00").queryParam("size", 2).queryParam("page", 1).when()
                .get("/api/v1/events").then().statusCode(200)
                .body("items.titleZh", contains("前一晚开始", "正好在起点开始")).body("total", equalTo(6));
        given().queryParam("organizer", org).queryParam("from", "2024-06-01T00:00:00+08:00")
                .queryParam("type", "SCIENCE_NIGHT").when().get("/api/v1/events").then().statusCode(200)
                .body("items.titleZh", contains("前一晚开始", "窗口之中")).body("total", equalTo(2));
        given().queryParam("organizer", org).queryParam("to", "2024-05-31T19:00:00+08:00").when()
                .get("/api/v1/events").then().statusCode(200)
                .body("items.titleZh", contains("五月起的展览", "起点前已结束", "正好在起点结束")).body("total", equalTo(3));

        // A window starting now: what runs now comes first, then what starts later.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        publish(org, with(event("正在进行"), "startsAt", now.minusDays(1).toString(), "endsAt", now.plusDays(1).toString()));
        publish(org, with(event("明天开始"), "startsAt", now.plusDays(1).toString(), "endsAt", now.plusDays(2).toString()));
        given().queryParam("organizer", org).queryParam("from", now.toString()).when().get("/api/v1/events").then()
                .statusCode(200).body("items.titleZh", contains("正在进行", "明天开始")).body("total", equalTo(2));
    }

    @Test
    void vocabulariesSeriesAndFormatFilter() {
        String org = newOrg();
        String week = publish(org, with(event("2024年广东省全国科技活动周"), "type", "SCIENCE_WEEK"));
        publish(org, with(event("科技活动周·青少年专场"), "seriesId", week, "audiences", List.of("YOUTH"), "themes",
                List.of("AI")));
        publish(org, with(event("线上健康讲座"), "type", "LECTURE", "format", "ONLINE", "streamUrl",
                "https://live.example.cn/health", "themes", List.of("HEALTH"), "audiences", List.of("ELDERLY")));

        given().queryParam("seriesId", week).when().get("/api/v1/events").then()
                .body("items.titleZh", contains("科技活动周·青少年专场")).body("items[0].seriesId", equalTo(week));
        given().queryParam("organizer", org).queryParam("audience", "YOUTH").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("科技活动周·青少年专场"));
        given().queryParam("organizer", org).queryParam("theme", "HEALTH").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("线上健康讲座"));
        given().queryParam("organizer", org).queryParam("format", "ONLINE").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("线上健康讲座"));
        given().queryParam("organizer", org).queryParam("type", "SCIENCE_WEEK").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("2024年广东省全国科技活动周"));
    }

    @Test
    void nearAPointFindsEventsWithinTheRadiusNearestFirst() {
        String org = newOrg();
        publish(org, with(event("广东科学中心"), "latitude", 23.0418, "longitude", 113.3691));
        publish(org, with(event("广州图书馆"), "divisionCode", "440106", "latitude", 23.1167, "longitude", 113.3245));
        publish(org, with(event("深圳科技馆"), "divisionCode", "440304", "latitude", 22.5440, "longitude", 114.0890));

        // From 珠江新城: the library is about 1 km away, the science centre about 10 km, Shenzhen about 100 km.
        given().queryParam("organizer", org).queryParam("lat", 23.1200).queryParam("lon", 113.3300)
                .queryParam("radiusKm", 20).when().get("/api/v1/events").then().statusCode(200)
                .body("items.titleZh", contains("广州图书馆", "广东科学中心"))
                .body("items[0].distanceKm", lessThan(2.0f));
    }

    /** Many events share a venue's point; pages must still split them without repeats or gaps. */
    @Test
    void eventsAtOneVenuePageInAStableOrder() {
        String org = newOrg();
        String library = publish(org, with(event("图书馆讲座"), "divisionCode", "440106", "latitude", 23.1167,
                "longitude", 113.3245));
        List<String> atTheCentre = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            atTheCentre.add(publish(org, with(event("科学中心活动 " + i), "latitude", 23.0418, "longitude", 113.3691)));
        }
        Collections.sort(atTheCentre); // equal distances: by id
        given().queryParam("organizer", org).queryParam("lat", 23.1200).queryParam("lon", 113.3300)
                .queryParam("radiusKm", 20).queryParam("size", 2).when().get("/api/v1/events").then()
                .body("items.id", contains(library, atTheCentre.get(0))).body("total", equalTo(4));
        given().queryParam("organizer", org).queryParam("lat", 23.1200).queryParam("lon", 113.3300)
                .queryParam("radiusKm", 20).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/events")
                .then().body("items.id", contains(atTheCentre.get(1), atTheCentre.get(2)));
    }

    @Test
    void relevanceRanksTitleMatchesFirst() {
        String org = newOrg();
        publish(org, with(event("秋季科学营"), "descriptionZh", "包括机器人体验", "startsAt", "2024-03-01T09:00:00+08:00",
                "endsAt", "2024-03-01T17:00:00+08:00"));
        publish(org, with(event("机器人竞赛"), "startsAt", "2024-09-01T09:00:00+08:00", "endsAt",
                "2024-09-01T17:00:00+08:00"));
        given().queryParam("organizer", org).queryParam("q", "机器人").queryParam("sort", "RELEVANCE").when()
                .get("/api/v1/events").then().body("items.titleZh", contains("机器人竞赛", "秋季科学营"));
        given().queryParam("organizer", org).queryParam("q", "机器人").when().get("/api/v1/events").then()
                .body("items.titleZh", contains("秋季科学营", "机器人竞赛"));
    }

    /**
     * A search reads its page by plain JDBC, one statement; the event's own page reads it through Hibernate. Every field
     * of every kind of event must come out the same either way (the near-me list adds only its distance).
     */
    @Test
    void aSearchShowsEachEventExactlyAsItsOwnPageDoes() {
        String org = newOrg();
        String full = publish(org, with(event("全字段活动"), "titleEn", "Every field", "descriptionZh", "描述",
                "descriptionEn", "About it", "themes", List.of("AI", "SPACE"), "audiences", List.of("YOUTH", "PUBLIC"),
                "format", "HYBRID", "streamUrl", "https://live.example.org/1", "responsibleUnits",
                List.of("市科协", "市教育局"), "takesRegistrations", true, "keepsWaitList", true,
                "registrationSizeCap", 4, "registrationOpensAt", "2024-05-01T09:00:00+08:00",
                "registrationClosesAt", "2024-05-17T18:00:00+08:00"));
        String bare = publish(org, with(event("无坐标活动"), "latitude", null, "longitude", null, "capacity", null,
                "startsAt", "2024-05-20T09:00:00+08:00", "endsAt", "2024-05-20T12:00:00+08:00"));
        String cancelled = publish(org, with(event("取消的活动"), "startsAt", "2024-05-21T09:00:00+08:00", "endsAt",
                "2024-05-21T12:00:00+08:00"));
        Organizers.cancel(org, cancelled);

        List<Map<String, Object>> listed = given().queryParam("organizer", org).when().get("/api/v1/events").then()
                .statusCode(200).body("items.id", contains(full, bare, cancelled)).extract().path("items");
        for (Map<String, Object> item : listed) {
            Map<String, Object> own = given().auth().oauth2(Organizers.token(org)).when()
                    .get("/api/v1/events/" + item.get("id")).then().statusCode(200).extract().path("");
            assertEquals(own, item);
        }
        Map<String, Object> near = given().queryParam("organizer", org).queryParam("lat", 23.04)
                .queryParam("lon", 113.37).queryParam("radiusKm", 5).when().get("/api/v1/events").then()
                .body("items.id", containsInAnyOrder(full, cancelled)) // one point: equal distances, by id
                .extract().path("items.find { it.id == '" + full + "' }");
        Map<String, Object> own = given().when().get("/api/v1/events/" + full).then().extract().path("");
        assertNotNull(near.remove("distanceKm"));
        assertEquals(own, near);
    }

    @Test
    void aPagePastTheEndIsEmptyAndStillSaysTheTotal() {
        String org = newOrg();
        publish(org, event("唯一的活动"));
        given().queryParam("organizer", org).queryParam("page", 3).when().get("/api/v1/events").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(1)).body("page", equalTo(3));
        given().queryParam("organizer", org).queryParam("lat", 23.04).queryParam("lon", 113.37)
                .queryParam("radiusKm", 5).queryParam("page", 2).when().get("/api/v1/events").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(1));
    }

    @Test
    void pagesCarryItemsAndTotal() {
        String org = newOrg();
        for (int i = 0; i < 3; i++) {
            publish(org, event("分页活动 " + i));
        }
        given().queryParam("organizer", org).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/events")
                .then().body("total", equalTo(3)).body("totalCapped", equalTo(false)).body("items.size()", equalTo(1))
                .body("page", equalTo(1));
    }

    /**
     * A public search counts to 100 and then says "more than" (any kind of search: structured, near, free text); its
     * pages go on past the count. A partner's own list of its events still counts them exactly.
     */
    @Test
    void aSearchCountsToItsCapAndItsPagesGoOnPastIt() {
        String partner = "cap-" + UUID.randomUUID();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            items.add(Partners.item("cap-" + i, "PUBLISHED", "计数上限活动 countcap " + i));
        }
        Partners.push(partner, items).statusCode(200).body("summary.created", equalTo(130));

        given().queryParam("organizer", partner).queryParam("size", 20).when().get("/api/v1/events").then()
                .statusCode(200).body("total", equalTo(100)).body("totalCapped", equalTo(true))
                .body("items.size()", equalTo(20));
        given().queryParam("organizer", partner).queryParam("size", 20).queryParam("page", 6).when()
                .get("/api/v1/events").then().statusCode(200).body("total", equalTo(100))
                .body("totalCapped", equalTo(true)).body("items.size()", equalTo(10));
        given().queryParam("organizer", partner).queryParam("lat", 23.04).queryParam("lon", 113.37)
                .queryParam("radiusKm", 5).when().get("/api/v1/events").then().statusCode(200)
                .body("total", equalTo(100)).body("totalCapped", equalTo(true));
        given().queryParam("organizer", partner).queryParam("q", "countcap").queryParam("size", 50)
                .queryParam("page", 2).when().get("/api/v1/events").then().statusCode(200)
                .body("total", equalTo(100)).body("totalCapped", equalTo(true)).body("items.size()", equalTo(30));
        given().auth().oauth2(Partners.token(partner)).when().get("/api/v1/partner-events").then()
                .statusCode(200).body("total", equalTo(130)).body("totalCapped", equalTo(false));
    }

    /** Searches are cached; a change made here must show in the very next search all the same. */
    @Test
    void aRepeatedSearchShowsAChangeAtOnce() {
        String org = newOrg();
        String first = publish(org, event("重复搜索活动 一"));
        given().queryParam("organizer", org).when().get("/api/v1/events").then().body("total", equalTo(1));
        publish(org, event("重复搜索活动 二"));
        given().queryParam("organizer", org).when().get("/api/v1/events").then().body("total", equalTo(2));
        Organizers.cancel(org, first);
        given().queryParam("organizer", org).queryParam("q", "一").when().get("/api/v1/events").then()
                .body("items.status", contains("CANCELLED"));
    }

    /**
     * The cached answer is the database's answer: a search asked again comes from the cache, and after a change
     * elsewhere (which empties the cache) it is worked out again from PostgreSQL — the same bytes and ETag each time,
     * for a near-me list, a place + window list and a free-text list.
     */
    @Test
    void aCachedSearchAnswersExactlyWhatTheDatabaseAnswers() {
        String org = newOrg();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = event("缓存对照活动 " + i);
            body.put("latitude", 23.0418 + 0.001 * i);
            body.put("startsAt", "2024-05-1" + i + "T09:00:00+08:00");
            body.put("endsAt", "2024-05-1" + i + "T17:00:00+08:00");
            publish(org, body);
        }
        List<Map<String, Object>> searches = List.of(
                Map.of("organizer", org, "lat", 23.0418, "lon", 113.3691, "radiusKm", 3, "size", 2, "page", 1),
                Map.of("organizer", org, "divisionCode", "440113", "from", "2024-05-11T00:00:00+08:00", "to",
                        "2024-05-13T23:59:59+08:00"),
                Map.of("organizer", org, "q", "缓存对照"));
        for (Map<String, Object> search : searches) {
            var fresh = given().queryParams(search).when().get("/api/v1/events").then().statusCode(200).extract();
            var cached = given().queryParams(search).when().get("/api/v1/events").then().statusCode(200).extract();
            publish(newOrg(), event("缓存对照 别处的变化")); // any public change empties every kept page
            var again = given().queryParams(search).when().get("/api/v1/events").then().statusCode(200).extract();
            assertEquals(fresh.asString(), cached.asString(), "cached " + search);
            assertEquals(fresh.asString(), again.asString(), "worked out again " + search);
            assertEquals(fresh.header("ETag"), cached.header("ETag"));
            assertEquals(fresh.header("ETag"), again.header("ETag"));
        }
    }

    /** Apps poll their lists: an unchanged search answers 304 to its ETag, and a change gives a new one. */
    @Test
    void aSearchAnswersNotModifiedUntilItsResultsChange() {
        String org = newOrg();
        publish(org, event("条件请求活动 一"));
        String tag = given().queryParam("organizer", org).when().get("/api/v1/events").then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        given().queryParam("organizer", org).header("If-None-Match", tag).when().get("/api/v1/events").then()
                .statusCode(304).header("ETag", equalTo(tag));
        given().queryParam("organizer", org).queryParam("size", 5).header("If-None-Match", tag).when()
                .get("/api/v1/events").then().statusCode(200);

        publish(org, event("条件请求活动 二"));
        String changed = given().queryParam("organizer", org).header("If-None-Match", tag).when().get("/api/v1/events")
                .then().statusCode(200).body("total", equalTo(2)).extract().header("ETag");
        assertNotEquals(tag, changed);
    }

    /** A full page of matches and a short one are found by different plans; both must agree on order and total. */
    @Test
    void freeTextPagesAreInStartOrderWithTheirTotal() {
        String org = newOrg();
        for (String day : List.of("2024-05-04", "2024-05-01", "2024-05-03", "2024-05-02")) {
            publish(org, with(event("天文观测夜 " + day), "startsAt", day + "T19:00:00+08:00", "endsAt",
                    day + "T21:00:00+08:00"));
        }
        publish(org, event("植物识别课"));
        given().queryParam("organizer", org).queryParam("q", "天文").queryParam("size", 2).when().get("/api/v1/events")
                .then().body("items.titleZh", contains("天文观测夜 2024-05-01", "天文观测夜 2024-05-02"))
                .body("total", equalTo(4));
        given().queryParam("organizer", org).queryParam("q", "天文").queryParam("size", 2).queryParam("page", 1).when()
                .get("/api/v1/events").then()
                .body("items.titleZh", contains("天文观测夜 2024-05-03", "天文观测夜 2024-05-04"))
                .body("total", equalTo(4));
        given().queryParam("organizer", org).queryParam("q", "天文").queryParam("size", 3).queryParam("page", 1).when()
                .get("/api/v1/events").then().body("items.titleZh", contains("天文观测夜 2024-05-04"))
                .body("total", equalTo(4));
    }

    /**
     * Free text walks the 90-day windows events start in (V12) and stops once it has the page and the count: pages that
     * cross windows, a window with no match between two with matches, a place and a page past the end must all read as
     * one list in start order with its total.
     */
    @Test
    void freeTextPagesCrossTheMonthsInStartOrder() {
        String org = newOrg();
        List<String> days = List.of("2024-09-20", "2024-01-05", "2024-03-30", "2024-01-25", "2024-10-01", "2024-03-01",
                "2024-12-24");
        for (int i = 0; i < days.size(); i++) {
            String day = days.get(i);
            publish(org, with(event("潮汐观察 " + day), "divisionCode", i % 2 == 0 ? "440106" : "440304", "startsAt",
                    day + "T09:00:00+08:00", "endsAt", day + "T11:00:00+08:00"));
        }
        publish(org, with(event("潮汐 另一主题"), "startsAt", "2024-02-01T09:00:00+08:00", "endsAt",
                "2024-02-01T11:00:00+08:00"));
        List<String> inOrder = days.stream().sorted().map(day -> "潮汐观察 " + day).toList();
        assertPagesListInOrder(org, "潮汐观察", 3, inOrder);
        given().queryParam("organizer", org).queryParam("q", "潮汐观察").queryParam("size", 3).queryParam("page", 5)
                .when().get("/api/v1/events").then().body("items", empty()).body("total", equalTo(7));
        given().queryParam("organizer", org).queryParam("q", "潮汐观察").queryParam("divisionCode", "440100").when()
                .get("/api/v1/events").then()
                .body("items.titleZh", contains("潮汐观察 2024-03-30", "潮汐观察 2024-09-20", "潮汐观察 2024-10-01",
                        "潮汐观察 2024-12-24"))
                .body("total", equalTo(4));
        given().queryParam("organizer", org).queryParam("q", "潮汐").queryParam("to", "2024-02-15T00:00:00+08:00").when()
                .get("/api/v1/events").then()
                .body("items.titleZh", contains("潮汐观察 2024-01-05", "潮汐观察 2024-01-25", "潮汐 另一主题"))
                .body("total", equalTo(3));
    }

    /**
     * A window that holds the whole page is walked by its 10-day slices (V14): a page that starts inside one slice and
     * ends in another, after matches in an earlier window, must still be the next rows of the one list.
     */
    @Test
    void freeTextPagesWithinOneWindowCrossItsSlicesInStartOrder() {
        String org = newOrg();
        // 2024-03-18 starts a 90-day window and a 10-day slice; 02-10 lies in the window before.
        List<String> days = List.of("2024-04-20", "2024-03-25", "2024-02-10", "2024-05-30", "2024-04-02", "2024-03-19",
                "2024-03-30");
        for (String day : days) {
            publish(org, with(event("萤火虫夜观 " + day), "startsAt", day + "T20:00:00+08:00", "endsAt",
                    day + "T22:00:00+08:00"));
        }
        List<String> inOrder = days.stream().sorted().map(day -> "萤火虫夜观 " + day).toList();
        assertPagesListInOrder(org, "萤火虫", 2, inOrder);
    }

    /** Every page of the organizer's free-text search {@code q}, in turn, is the next {@code size} of {@code inOrder}. */
    private static void assertPagesListInOrder(String org, String q, int size, List<String> inOrder) {
        for (int page = 0; page * size < inOrder.size(); page++) {
            given().queryParam("organizer", org).queryParam("q", q).queryParam("size", size).queryParam("page", page)
                    .when().get("/api/v1/events").then().statusCode(200)
                    .body("items.titleZh",
                            equalTo(inOrder.subList(page * size, Math.min(page * size + size, inOrder.size()))))
                    .body("total", equalTo(inOrder.size())).body("totalCapped", equalTo(false));
        }
    }

    /**
     * Upcoming searches read only events not yet swept as concluded; one that ended long ago and is then moved into
     * the future must be found again, and past windows still find concluded events.
     */
    @Test
    void anEndedEventMovedLaterIsUpcomingAgain() {
        String org = newOrg();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String soon = publish(org, with(event("下周的观鸟活动"), "startsAt", now.plusDays(7).toString(), "endsAt",
                now.plusDays(7).plusHours(3).toString()));
        String ended = publish(org, event("去年的嘉年华"));
        QuarkusTransaction.requiringNew().run(events::markConcluded);

        given().queryParam("organizer", org).queryParam("from", now.toString()).queryParam("lat", 23.0418)
                .queryParam("lon", 113.3691).queryParam("radiusKm", 5).when().get("/api/v1/events").then()
                .statusCode(200).body("items.id", contains(soon)).body("total", equalTo(1));
        given().queryParam("organizer", org).queryParam("from", "2024-05-01T00:00:00+08:00").when()
                .get("/api/v1/events").then().body("items.id", contains(ended, soon));

        given().auth().oauth2(Organizers.token(org)).header("If-Match", "*").contentType(ContentType.JSON)
                .body(with(event("去年的嘉年华（改期重办）"), "startsAt", now.plusDays(10).toString(), "endsAt",
                        now.plusDays(11).toString()))
                .when().put("/api/v1/events/" + ended).then().statusCode(200);
        given().queryParam("organizer", org).queryParam("from", now.toString()).queryParam("lat", 23.0418)
                .queryParam("lon", 113.3691).queryParam("radiusKm", 5).when().get("/api/v1/events").then()
                .body("items.id", containsInAnyOrder(soon, ended)).body("total", equalTo(2));
        given().queryParam("organizer", org).queryParam("from", now.toString()).queryParam("divisionCode", "440100")
                .when().get("/api/v1/events").then().body("items.id", contains(soon, ended));
    }

    @Test
    void badSearchParametersAreNamed() {
        given().queryParam("lat", 23.1).when().get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("lon"));
        given().queryParam("lat", 123).queryParam("lon", 113).when().get("/api/v1/events").then().statusCode(400)
                .body("errors.field", hasItem("lat"));
        given().queryParam("divisionCode", "110000").when().get("/api/v1/events").then().statusCode(400)
                .body("errors.field", hasItem("divisionCode"));
        given().queryParam("type", "PICNIC").when().get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "！？").when().get("/api/v1/events").then().statusCode(400)
                .body("errors.field", hasItem("q"));
        given().queryParam("from", "2024-06-01T00:00:00+08:00").queryParam("to", "2024-05-01T00:00:00+08:00").when()
                .get("/api/v1/events").then().statusCode(400).body("errors.field", hasItem("to"));
        given().queryParam("from", "yesterday").when().get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
