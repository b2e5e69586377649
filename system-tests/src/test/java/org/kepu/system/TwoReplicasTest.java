package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.PrometheusText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A scaled-out deployment on one machine: a second replica of each service beside the shared ones, and a second gateway
 * whose round robin spreads every service over both. What a deployment with replicas relies on, seen from outside: an
 * organizer's write read back on either replica; the public caches of both forgetting a change made on one; each
 * gateway keeping its own rate buckets (gateway README); and, last, one replica of every service killed (SIGKILL, as
 * a node dies) in the middle of writes, after which no acknowledged write is missing, each outbox relay and the change
 * feed's sequencer go on from the surviving replica, and the consumer groups hand the dead replicas' partitions over
 * so that every fact is counted exactly once.
 */
@ExtendWith(KepuSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasTest {

    private static final String GATEWAY_B = "http://127.0.0.1:18180";
    private static final String EVENTS_A = "http://127.0.0.1:18081";
    private static final String EVENTS_B = "http://127.0.0.1:18181";
    private static final String VENUES_B = "http://127.0.0.1:18182";

    /** Yunfu (云浮), a city no other end-to-end test writes in: its counts move only for this test. */
    private static final String CITY = "445300";
    private static final String DISTRICT = "445302";

    private static final int GATEWAY_AUTH_CAPACITY = 30;

    private static List<Process> replicas = List.of();

    @BeforeAll
    static void startSecondReplicas() throws Exception {
        // The dead replicas' consumer-group members are given up after 6 s (the broker's minimum) instead of 45.
        List<String> quickToGiveUp = List.of("-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=6000",
                "-Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=1000");
        replicas = KepuSystem.startTogether(List.of(
                new KepuSystem.Instance("event-service", "event-service-b", Map.of("QUARKUS_HTTP_PORT", "18181",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/kepu_event_test"),
                        quickToGiveUp),
                new KepuSystem.Instance("venue-service", "venue-service-b", Map.of("QUARKUS_HTTP_PORT", "18182",
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/kepu_venue_test"),
                        quickToGiveUp),
                new KepuSystem.Instance("reporting-service", "reporting-service-b", Map.of("QUARKUS_HTTP_PORT",
                        "18183", "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/kepu_reporting_test"),
                        quickToGiveUp),
                new KepuSystem.Instance("gateway", "gateway-b", Map.of("QUARKUS_HTTP_PORT", "18180",
                        "KEPU_EVENT_URL", EVENTS_A + "," + EVENTS_B,
                        "KEPU_VENUE_URL", "http://127.0.0.1:18082," + VENUES_B,
                        "KEPU_REPORTING_URL", "http://127.0.0.1:18083,http://127.0.0.1:18183",
                        "KEPU_RATE_AUTH_CAPACITY", String.valueOf(GATEWAY_AUTH_CAPACITY),
                        "KEPU_RATE_AUTH_PER_SECOND", "50",
                        // one test machine is every anonymous caller here: the feed reader must not be throttled
                        "KEPU_RATE_PUBLIC_CAPACITY", "100000", "KEPU_RATE_PUBLIC_PER_SECOND", "100000"),
                        List.of())));
    }

    @AfterAll
    static void stopSecondReplicas() throws InterruptedException {
        for (Process replica : replicas) {
            replica.destroy();
        }
        for (Process replica : replicas) {
            if (!replica.waitFor(30, TimeUnit.SECONDS)) {
                replica.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void anOrganizersWriteIsReadBackOnEitherReplicaAndBothPublicCachesForgetAChange() {
        String org = "org-replicas-" + UUID.randomUUID();
        String token = Gateway.organizer(org);
        String before = word();
        String after = word();
        Map<String, Object> draft = new HashMap<>(Map.of("titleZh", "云浮科普讲座 " + before, "type", "LECTURE",
                "startsAt", "2026-12-20T09:00:00+08:00", "endsAt", "2026-12-20T11:00:00+08:00", "divisionCode",
                DISTRICT));
        String id = given().baseUri(GATEWAY_B).auth().oauth2(token).contentType(ContentType.JSON).body(draft).when()
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        // At once, with no wait: whichever replica the next read reaches has the write.
        String created = given().baseUri(EVENTS_A).auth().oauth2(token).when().get("/api/v1/events/" + id).then()
                .statusCode(200).body("titleZh", containsString(before)).extract().header("ETag");
        given().baseUri(EVENTS_B).auth().oauth2(token).when().get("/api/v1/events/" + id).then().statusCode(200)
                .body("titleZh", containsString(before)).header("ETag", created);
        given().baseUri(GATEWAY_B).auth().oauth2(token).when().post("/api/v1/events/" + id + "/publish").then()
                .statusCode(200);

        // Both replicas cache the public answers: the event itself, and a search for the word it does not yet have.
        for (String replica : List.of(EVENTS_A, EVENTS_B)) {
            given().baseUri(replica).when().get("/api/v1/events/" + id).then().statusCode(200)
                    .body("titleZh", containsString(before));
            given().baseUri(replica).queryParam("q", after).when().get("/api/v1/events").then().statusCode(200)
                    .body("total", equalTo(0));
        }
        String etag = given().baseUri(EVENTS_A).auth().oauth2(token).when().get("/api/v1/events/" + id).then()
                .extract().header("ETag");
        draft.put("titleZh", "云浮科普讲座 " + after);
        given().baseUri(EVENTS_A).auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON)
                .body(draft).when().put("/api/v1/events/" + id).then().statusCode(200);

        // The caches keep answers for 60 s; a change made on A reaches B's caches through the event facts in a second.
        await("replica B's caches forget the event changed on replica A").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    given().baseUri(EVENTS_B).when().get("/api/v1/events/" + id).then().statusCode(200)
                            .body("titleZh", containsString(after));
                    given().baseUri(EVENTS_B).queryParam("q", after).when().get("/api/v1/events").then()
                            .statusCode(200).body("items.id", hasItem(id));
                });
        given().baseUri(EVENTS_A).when().get("/api/v1/events/" + id).then().body("titleZh", containsString(after));
    }

    @Test
    @Order(2)
    void eachGatewayReplicaKeepsItsOwnRateBucketsAsItsReadmeSays() {
        String token = Gateway.TOKENS.token("rate-" + UUID.randomUUID()).role("analyst").sign();
        int status = 0;
        for (int i = 0; i <= 2 * GATEWAY_AUTH_CAPACITY && status != 429; i++) {
            status = given().auth().oauth2(token).when().get("/api/v1/venue-kinds").then().extract().statusCode();
        }
        assertEquals(429, status, "the shared gateway limits the client");
        // The other replica has not seen this client: its own full bucket, less this request.
        given().baseUri(GATEWAY_B).auth().oauth2(token).when().get("/api/v1/venue-kinds").then().statusCode(200)
                .header("RateLimit-Limit", String.valueOf(GATEWAY_AUTH_CAPACITY))
                .header("RateLimit-Remaining", String.valueOf(GATEWAY_AUTH_CAPACITY - 1));
    }

    @Test
    @Order(3)
    void aNodeKilledUnderLoadLosesNoAcknowledgedWriteAndTheSurvivorsTakeOver() throws Exception {
        String run = word();
        long eventsBefore = Gateway.cityCount(Gateway.PUBLISHED_EVENTS_BY_CITY, CITY);
        long venuesBefore = Gateway.cityCount(Gateway.VENUES_BY_CITY, CITY);
        String cursor = given().baseUri(GATEWAY_B).queryParam("from", "latest").when().get("/api/v1/event-changes")
                .then().statusCode(200).extract().path("next");

        Set<String> acknowledgedEvents = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedVenues = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledgedAfterKill = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> followed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                writers.add(load.submit(() -> {
                    while (writing.get()) {
                        String id = publishThroughGatewayB(run);
                        if (id == null) {
                            unanswered.incrementAndGet();
                        } else {
                            acknowledgedEvents.add(id);
                            if (killed.get()) {
                                acknowledgedAfterKill.incrementAndGet();
                            }
                        }
                        Thread.sleep(50);
                    }
                    return null;
                }));
            }
            writers.add(load.submit(() -> {
                while (writing.get()) {
                    String id = registerVenueThroughGatewayB(run);
                    if (id == null) {
                        unanswered.incrementAndGet();
                    } else {
                        acknowledgedVenues.add(id);
                    }
                    Thread.sleep(100);
                }
                return null;
            }));
            String start = cursor;
            Future<String> reader = load.submit(() -> {
                String next = start;
                while (writing.get()) {
                    next = follow(next, followed);
                }
                return next;
            });

            await("writes acknowledged by both event-service replicas, and B's relay publishing")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> acknowledgedEvents.size() >= 20 && metric(EVENTS_B, "kepu_outbox_published_total") > 0
                            && metric(VENUES_B, "kepu_outbox_published_total") > 0);
            for (Process replica : replicas.subList(0, 3)) {
                replica.destroyForcibly(); // SIGKILL: no draining, no goodbye to the consumer group
            }
            for (Process replica : replicas.subList(0, 3)) {
                assertTrue(replica.waitFor(10, TimeUnit.SECONDS), "a killed replica is gone");
            }
            killed.set(true);
            await("writes acknowledged by the survivors after the kill").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> acknowledgedAfterKill.get() >= 15);
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            cursor = reader.get(60, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            load.shutdownNow();
        }

        // What the databases hold is the truth: a write answered before the kill may still have committed without
        // its answer reaching the client, so every acknowledged write must be there, and every write there counted.
        Set<String> publishedEvents = ids("kepu_event_test", "kepu_event", "KEPU_EVENT_DB_PASSWORD",
                "SELECT id::text FROM event WHERE title_zh LIKE ? AND status = 'PUBLISHED'", run);
        Set<String> venues = ids("kepu_venue_test", "kepu_venue", "KEPU_VENUE_DB_PASSWORD",
                "SELECT id::text FROM venue WHERE name_zh LIKE ?", run);
        System.out.printf("TwoReplicasTest: %d events and %d venues acknowledged (%d events after the kill), %d writes"
                + " not acknowledged; the databases hold %d published events and %d venues%n", acknowledgedEvents.size(),
                acknowledgedVenues.size(), acknowledgedAfterKill.get(), unanswered.get(), publishedEvents.size(),
                venues.size());
        assertTrue(publishedEvents.containsAll(acknowledgedEvents), "no acknowledged event lost: missing "
                + minus(acknowledgedEvents, publishedEvents));
        assertTrue(venues.containsAll(acknowledgedVenues), "no acknowledged venue lost: missing "
                + minus(acknowledgedVenues, venues));

        // The surviving sequencer positions what the dead one left: every published event in the feed, once.
        String[] next = {cursor};
        await("every published event in the change feed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    next[0] = follow(next[0], followed);
                    return followed.containsAll(publishedEvents);
                });
        List<String> ours = followed.stream().filter(publishedEvents::contains).toList();
        assertEquals(publishedEvents.size(), ours.size(), "each published event once in the feed: " + ours);

        // The surviving relays publish what the dead ones left in their outboxes, and the surviving consumers take
        // over the dead ones' partitions: every event and venue counted, none twice.
        await("every published event counted for Yunfu").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.cityCount(Gateway.PUBLISHED_EVENTS_BY_CITY, CITY) >= eventsBefore
                        + publishedEvents.size());
        await("every venue counted for Yunfu").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.cityCount(Gateway.VENUES_BY_CITY, CITY) >= venuesBefore + venues.size());
        assertEquals(eventsBefore + publishedEvents.size(), Gateway.cityCount(Gateway.PUBLISHED_EVENTS_BY_CITY, CITY));
        assertEquals(venuesBefore + venues.size(), Gateway.cityCount(Gateway.VENUES_BY_CITY, CITY));

        // One relay at a time per service: each event's facts reached Kafka in the order of its versions.
        Map<String, List<Long>> versions = factVersions("kepu.events", publishedEvents);
        assertEquals(publishedEvents, versions.keySet(), "every published event's facts on kepu.events");
        versions.forEach((event, seen) -> assertEquals(seen.stream().sorted().toList(), seen,
                "facts of " + event + " in version order"));

        // event-service's surviving replica reads the venue facts the dead one was assigned: it knows every new venue.
        String organizer = Gateway.organizer("org-replicas-" + run);
        for (String venue : venues) {
            Map<String, Object> event = Map.of("titleZh", "云浮场馆活动 " + run, "type", "LECTURE", "startsAt",
                    "2026-12-21T09:00:00+08:00", "endsAt", "2026-12-21T11:00:00+08:00", "venueId", venue);
            await("event-service knows venue " + venue).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300)).until(() -> given().auth().oauth2(organizer)
                            .contentType(ContentType.JSON).body(event).when().post("/api/v1/events").then().extract()
                            .statusCode() == 201);
        }
    }

    /** Creates and publishes an event through gateway B; its id if both were acknowledged, else null. */
    private static String publishThroughGatewayB(String run) {
        try {
            String token = Gateway.organizer("org-replicas-" + UUID.randomUUID());
            Response created = given().baseUri(GATEWAY_B).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("titleZh", "云浮科普大篷车 " + run + " " + UUID.randomUUID(), "type", "CARAVAN_VISIT",
                            "startsAt", "2026-12-22T09:00:00+08:00", "endsAt", "2026-12-22T16:00:00+08:00",
                            "divisionCode", DISTRICT))
                    .when().post("/api/v1/events");
            if (created.statusCode() != 201) {
                return null;
            }
            String id = created.path("id");
            int published = given().baseUri(GATEWAY_B).auth().oauth2(token).when()
                    .post("/api/v1/events/" + id + "/publish").then().extract().statusCode();
            return published == 200 ? id : null;
        } catch (RuntimeException unanswered) {
            return null; // not acknowledged: the database decides whether it happened
        }
    }

    /** Registers a venue through gateway B; its id if acknowledged, else null. */
    private static String registerVenueThroughGatewayB(String run) {
        try {
            Response created = given().baseUri(GATEWAY_B).auth().oauth2(Gateway.admin())
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body(Map.of("nameZh", "云浮科普站 " + run + " " + UUID.randomUUID(), "kind", "SCIENCE_MUSEUM",
                            "divisionCode", DISTRICT, "address", "云浮市云城区", "latitude", 22.93, "longitude",
                            112.04))
                    .when().post("/api/v1/venues");
            return created.statusCode() == 201 ? created.path("id") : null;
        } catch (RuntimeException unanswered) {
            return null;
        }
    }

    /**
     * Reads the change feed through gateway B from {@code cursor} until a page comes back empty, adding the published
     * events seen; an answer other than 200 (a replica dying under the request) is tried again from the same cursor.
     */
    private static String follow(String cursor, List<String> followed) {
        String next = cursor;
        while (true) {
            Response answer;
            try {
                answer = given().baseUri(GATEWAY_B).queryParam("after", next).queryParam("limit", 50).when()
                        .get("/api/v1/event-changes");
            } catch (RuntimeException unanswered) {
                return next;
            }
            if (answer.statusCode() != 200) {
                return next;
            }
            JsonPath page = answer.jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if ("published".equals(item.get("change"))) {
                    followed.add(((Map<?, ?>) item.get("event")).get("id").toString());
                }
            }
            next = page.getString("next");
            if (items.isEmpty()) {
                return next;
            }
        }
    }

    private static double metric(String instance, String name) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(instance + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return PrometheusText.value(answer.body(), name, Map.of()).orElse(0);
    }

    private static Set<String> ids(String database, String user, String passwordVariable, String sql, String run)
            throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, user,
                System.getenv(passwordVariable)); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, "% " + run + " %");
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** The versions of the facts of each of {@code keys} on {@code topic}, in the order the topic holds them. */
    private static Map<String, List<Long>> factVersions(String topic, Set<String> keys) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Long>> versions = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                KepuSystem.KAFKA), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        JsonNode fact = json.readTree(record.value());
                        versions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                                .add(fact.path("data").path("version").asLong());
                    }
                }
            }
        }
        return versions;
    }

    private static Set<String> minus(Set<String> these, Set<String> those) {
        return these.stream().filter(id -> !those.contains(id)).collect(Collectors.toSet());
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
