package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.kepu.events.Organizers.create;
import static org.kepu.events.Organizers.event;
import static org.kepu.events.Organizers.newOrg;
import static org.kepu.events.Organizers.publish;
import static org.kepu.events.Organizers.token;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Anonymous reads of one public event come from memory; callers with a token, this replica's own changes and other
 * replicas' facts see the database ({@link OtherReplica} changes it behind this replica's back).
 */
@QuarkusTest
class PublicEventCacheTest {

    @Inject
    DataSource database;

    @Test
    void anonymousReadsComeFromMemoryUntilAnotherReplicasFactArrives() throws Exception {
        String org = newOrg();
        String id = create(org, event("缓存 旧标题"));
        // Published by "another replica" whose fact never comes: no echo of a fact can make this replica forget early.
        OtherReplica otherReplica = new OtherReplica(database);
        otherReplica.publishQuietly(id);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("titleZh", equalTo("缓存 旧标题"))
                .header("ETag", "\"1\"");

        otherReplica.renameQuietly(id, "缓存 新标题");

        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("titleZh", equalTo("缓存 旧标题"));
        // An organizer reads the database: their own view is never stale.
        given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id).then().statusCode(200)
                .body("titleZh", equalTo("缓存 新标题")).header("ETag", "\"2\"");

        otherReplica.announceUpdate(id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when()
                .get("/api/v1/events/" + id).then().body("titleZh", equalTo("缓存 新标题")).header("ETag", "\"2\""));
    }

    @Test
    void thisReplicasChangeIsSeenAtOnceWithItsNewTag() {
        String org = newOrg();
        String id = publish(org, event("缓存 改动前"));
        given().when().get("/api/v1/events/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().header("If-None-Match", "\"1\"").when().get("/api/v1/events/" + id).then().statusCode(304);

        given().auth().oauth2(token(org)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(event("缓存 改动后")).when().put("/api/v1/events/" + id).then().statusCode(200);

        given().header("If-None-Match", "\"1\"").when().get("/api/v1/events/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("titleZh", equalTo("缓存 改动后"));
        given().header("If-None-Match", "\"2\"").when().get("/api/v1/events/" + id).then().statusCode(304)
                .header("ETag", "\"2\"");
    }

    @Test
    void draftsAndUnknownIdsAreNotFoundForTheAnonymousAndNeverKept() throws Exception {
        String org = newOrg();
        String id = create(org, event("缓存 草稿"));
        given().when().get("/api/v1/events/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(org)).when().get("/api/v1/events/" + id).then().statusCode(200);
        given().when().get("/api/v1/events/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        // Published behind this replica's back: had the 404 been kept, it would still be answered.
        new OtherReplica(database).publishQuietly(id);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("titleZh", equalTo("缓存 草稿"));
    }
}
