package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The web pages' typed client is generated at build time, when no service runs, from a snapshot of the merged OpenAPI
 * document kept in web/openapi.json. The snapshot must be the document the gateway serves, or the pages are typed
 * against an API that is no longer there.
 */
@ExtendWith(KepuSystem.class)
class WebClientSnapshotTest {

    static final Path SNAPSHOT = KepuSystem.ROOT.resolve("web/openapi.json");
    static final Path LIVE = KepuSystem.ROOT.resolve("system-tests/target/openapi-live.json");

    @Test
    void theWebClientIsGeneratedFromTheDocumentTheGatewayServes() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode live = (ObjectNode) json
                .readTree(given().when().get("/openapi.json").then().statusCode(200).extract().asString());
        // The test gateway's extra routes (KepuSystem) have no document; the three services must all be there.
        ObjectNode info = (ObjectNode) live.path("info");
        String missing = info.path("x-kepu-missing-services").asText("");
        assertTrue(Stream.of(missing.split(",")).noneMatch(Set.of("events", "venues", "reports")::contains),
                "a service's document is missing: " + missing);
        info.remove("x-kepu-missing-services");
        Files.writeString(LIVE, json.writeValueAsString(live) + "\n");
        JsonNode snapshot = json.readTree(Files.readString(SNAPSHOT));
        assertTrue(snapshot.equals(live), "web/openapi.json is not the merged document the gateway serves; refresh it "
                + "with `cp system-tests/target/openapi-live.json web/openapi.json` (written by this test) and rebuild "
                + "web (./mvnw package -pl web)");
    }
}
