package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two replicas each keep their own search cache. This test plays the other replica: it changes an event in the shared
 * database and announces the change on Kafka as that replica's outbox relay would; this replica, which has the search
 * cached for far longer than the test waits, must show the change within seconds.
 */
@QuarkusTest
class SearchCacheAcrossReplicasTest {

    @Inject
    DataSource database;

    @Test
    void anotherReplicasChangeShowsWithinSeconds() throws Exception {
        String org = newOrg();
        String id = publish(org, event("另一副本 旧标题"));
        given().queryParam("organizer", org).when().get("/api/v1/events").then()
                .body("items.titleZh", contains("另一副本 旧标题"));

        try (Connection connection = database.getConnection();
                PreparedStatement rename = connection
                        .prepareStatement("UPDATE event SET title_zh = ?, version = version + 1 WHERE id = ?")) {
            rename.setString(1, "另一副本 新标题");
            rename.setObject(2, UUID.fromString(id));
            rename.executeUpdate();
        }
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> otherReplica = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new StringSerializer())) {
            otherReplica.send(new ProducerRecord<>("kepu.events", id, "{\"type\":\"org.kepu.event.updated\"}")).get();
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("organizer", org)
                .when().get("/api/v1/events").then().body("items.titleZh", contains("另一副本 新标题")));
    }
}
