package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two replicas each keep their own search cache. This test plays the other replica ({@link OtherReplica}); this
 * replica, which has the search cached for far longer than the test waits, must show the change within seconds.
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

        OtherReplica otherReplica = new OtherReplica(database);
        otherReplica.renameQuietly(id, "另一副本 新标题");
        otherReplica.announceUpdate(id);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("organizer", org)
                .when().get("/api/v1/events").then().body("items.titleZh", contains("另一副本 新标题")));
    }
}
