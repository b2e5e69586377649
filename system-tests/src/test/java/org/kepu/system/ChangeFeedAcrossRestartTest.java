package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * The public change feed followed across a restart of the very instance being read, as a partner's nightly sync sees a
 * rolling deploy: the reader keeps nothing but its cursor; the instance is stopped (SIGTERM) and started again while
 * organizers go on publishing through the gateway (answered by the shared event-service, whose sequencer positions the
 * changes meanwhile); the reader goes on from its last cursor. Every event published appears once: none missed while
 * the instance was down, none repeated after it came back.
 */
@ExtendWith(KepuSystem.class)
class ChangeFeedAcrossRestartTest {

    private static final int PORT = 18087;

    private static final Duration PACE = Duration.ofMillis(100);

    private static final String FEED = "http://127.0.0.1:" + PORT + "/api/v1/event-changes";

    @Test
    void aReaderGoesOnFromItsCursorAfterTheInstanceItReadsRestarts() throws Exception {
        Process instance = startInstance();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            String cursor = given().queryParam("from", "latest").when().get(FEED).then().statusCode(200).extract()
                    .path("next");
            Set<String> published = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                running.add(writers.submit(() -> {
                    while (writing.get()) {
                        // an organizer per event: the gateway's per-caller rate limit is not what this test is about
                        published.add(Gateway.publishEvent("feed-restart-" + UUID.randomUUID(), "440106"));
                        // Paced: three writers still overlap their commits, and leave the two cores to the instance's start.
                        Thread.sleep(PACE.toMillis());
                    }
                    return null;
                }));
            }
            List<String> followed = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (followed.size() < 20 && System.nanoTime() < deadline) { // the writers are under way
                cursor = follow(cursor, followed, Duration.ofSeconds(1));
            }
            int beforeRestart = followed.size();

            instance.destroy(); // SIGTERM, as a rolling deploy stops it
            assertTrue(instance.waitFor(30, TimeUnit.SECONDS), "the instance stops");
            int whileDown = published.size();
            await("events published while nobody reads").atMost(Duration.ofSeconds(30))
                    .until(() -> published.size() >= whileDown + 3);
            instance = startInstance();

            cursor = follow(cursor, followed, Duration.ofSeconds(3));
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            // The sequencer positions the last commits a moment after they commit: read on until they are all in.
            AtomicReference<String> next = new AtomicReference<>(cursor);
            await("every published event in the feed").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        next.set(follow(next.get(), followed, Duration.ZERO));
                        return followed.containsAll(published);
                    });

            List<String> ours = followed.stream().filter(published::contains).toList();
            assertTrue(beforeRestart > 0 && ours.size() > beforeRestart, "changes were read on both sides of the restart: "
                    + beforeRestart + " before, " + ours.size() + " in all, " + published.size() + " published");
            assertEquals(published.size(), ours.size(), "each published event once: " + ours);
            assertEquals(published, new HashSet<>(ours));
        } finally {
            writers.shutdownNow();
            // Stopped, not killed: a killed instance would keep its share of the venue facts' consumer group until the
            // broker's session timeout, and the shared instance would learn new venues late for the tests after this.
            instance.destroy();
            if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
    }

    /** An event-service of its own on the test database, which this test may stop: the shared one keeps running. */
    private static Process startInstance() throws Exception {
        return KepuSystem.startAnother("event-service", "event-service-feed", Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(PORT),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/kepu_event_test",
                "KEPU_OUTBOX_RELAY_ENABLED", "false"), List.of());
    }

    /**
     * Reads pages from {@code cursor} for at least {@code atLeast}, then until a page comes back empty; adds the ids of
     * the published events seen and returns the cursor to go on from.
     */
    private static String follow(String cursor, List<String> followed, Duration atLeast) {
        long until = System.nanoTime() + atLeast.toNanos();
        String next = cursor;
        while (true) {
            JsonPath page = given().queryParam("after", next).queryParam("limit", 5).when().get(FEED).then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if ("published".equals(item.get("change"))) {
                    followed.add(((Map<?, ?>) item.get("event")).get("id").toString());
                }
            }
            next = page.getString("next");
            if (items.isEmpty() && System.nanoTime() > until) {
                return next;
            }
        }
    }
}
