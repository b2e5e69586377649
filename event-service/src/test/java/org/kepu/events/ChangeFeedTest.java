package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.InParallel;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The public change feed, read in pages with its cursor, while writers commit in any order. */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    AgroalDataSource dataSource;

    static String latest() {
        return given().queryParam("from", "latest").when().get("/api/v1/event-changes").then().statusCode(200)
                .extract().path("next");
    }

    /** Reads pages of {@code limit} from the cursor until nothing new; returns the changes as "change:eventId". */
    static List<String> readFrom(String cursor, int limit, List<String> cursors) {
        List<String> seen = new ArrayList<>();
        String next = cursor;
        while (true) {
            JsonPath page = given().queryParam("after", next).queryParam("limit", limit).when()
                    .get("/api/v1/event-changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                seen.add(item.get("change") + ":" + ((Map<?, ?>) item.get("event")).get("id"));
            }
            if (cursors != null) {
                cursors.add(page.getString("next"));
            }
            if (items.isEmpty()) {
                return seen;
            }
            next = page.getString("next");
        }
    }

    @Test
    void changesArriveInOrderWithTheEventAsThePublicSeesIt() {
        String from = latest();
        String org = Organizers.newOrg();
        String a = Organizers.publish(org, Organizers.event("变更流 A"));
        String b = Organizers.publish(org, Organizers.event("变更流 B"));
        Organizers.cancel(org, a);
        Organizers.create(org, Organizers.event("变更流 草稿")); // drafts are not public: never in the feed
        // Changes other tests committed just before may be positioned after "latest" was taken: ours are in order.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> ours(readFrom(from, 100, null), a, b).size() >= 3);
        assertEquals(List.of("published:" + a, "published:" + b, "cancelled:" + a), ours(readFrom(from, 2, null), a, b));
        given().queryParam("after", from).queryParam("limit", 100).when().get("/api/v1/event-changes").then()
                .body("items.findAll { it.event.id == '" + a + "' }[1].change", equalTo("cancelled"))
                .body("items.findAll { it.event.id == '" + a + "' }[1].event.cancelReason", equalTo("因台风影响，活动取消"))
                // the event as it is now, also on the entry of its publication
                .body("items.findAll { it.event.id == '" + a + "' }[0].event.status", equalTo("CANCELLED"));
    }

    static List<String> ours(List<String> changes, String... ids) {
        return changes.stream().filter(c -> java.util.Arrays.stream(ids).anyMatch(c::endsWith)).toList();
    }

    @Test
    void concurrentWritersLeaveNoGapAndNoRepeatForAReaderFollowingAlong() throws Exception {
        String from = latest();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> followed = new ArrayList<>();
        Set<String> pagesSeen = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            String next = from;
            while (true) {
                JsonPath page = given().queryParam("after", next).queryParam("limit", 7).when()
                        .get("/api/v1/event-changes").then().extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                items.forEach(item -> followed.add(((Map<?, ?>) item.get("event")).get("id").toString()));
                pagesSeen.add(page.getString("next"));
                next = page.getString("next");
                if (items.isEmpty() && !writing.get()) {
                    return;
                }
            }
        });
        reader.start();
        List<Callable<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(() -> {
                String org = Organizers.newOrg();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ids.add(Organizers.publish(org, Organizers.event("并发变更 " + writer + "-" + i)));
                }
                return ids;
            });
        }
        Set<String> published = new HashSet<>();
        InParallel.all(writers).forEach(published::addAll);
        // The reader's final empty page must come after the sequencer has positioned the last commits.
        await("every published event in the feed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> readFrom(from, 100, null).stream().map(c -> c.substring(c.indexOf(':') + 1)).toList()
                        .containsAll(published));
        writing.set(false);
        reader.join(30_000);
        List<String> ours = followed.stream().filter(published::contains).toList();
        assertEquals(40, ours.size(), "each published once: " + ours);
        assertEquals(published, new HashSet<>(ours));
        assertTrue(pagesSeen.size() > 1);
        // Read again from the same cursor (a client restarting after a crash): the same changes in the same order.
        assertEquals(ours, readFrom(from, 13, null).stream().map(c -> c.substring(c.indexOf(':') + 1))
                .filter(published::contains).toList());
    }

    @Test
    void aCursorOlderThanTheKeptHistoryIsGoneAndAForgedOneIsRefused() throws Exception {
        String old = latest();
        Organizers.publish(Organizers.newOrg(), Organizers.event("变更流 过期"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !readFrom(old, 100, null).isEmpty());
        String now = latest();
        // As the hourly purge does when the retention has passed: everything up to now is dropped.
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("UPDATE event_change_horizon SET purged_through = (SELECT max(position) FROM event_change)");
            sql.execute("DELETE FROM event_change WHERE position <= (SELECT purged_through FROM event_change_horizon)");
        }
        given().queryParam("after", old).when().get("/api/v1/event-changes").then().statusCode(410)
                .contentType("application/problem+json").body("type", containsString("cursor-expired"))
                .body("detail", containsString("from=latest"));
        given().queryParam("after", now).when().get("/api/v1/event-changes").then().statusCode(200);
        given().queryParam("after", "bm90LWEtY3Vyc29y").when().get("/api/v1/event-changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().queryParam("from", "yesterday").when().get("/api/v1/event-changes").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
