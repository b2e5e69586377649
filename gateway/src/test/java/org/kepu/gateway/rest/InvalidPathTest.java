package org.kepu.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A path a service could read as another than the one the gateway judged is answered 400 {@code invalid-path} by the
 * gateway, wherever the encoded separator or hidden dot-segment stands, and never reaches the service.
 */
@QuarkusTest
@WithTestResource(RecordingUpstream.class)
class InvalidPathTest {

    /** The gateway's listener (REST Assured's port: {@link RecordingUpstream}), sent each path as written. */
    private static RequestSpecification gateway() {
        return given().baseUri("http://127.0.0.1").urlEncodingEnabled(false);
    }

    /** Every path the service has received so far, in order, as it received them. */
    private static List<String> received() {
        URI upstream = URI.create(ConfigProvider.getConfig().getValue(RecordingUpstream.URL_KEY, String.class));
        String body = given().baseUri("http://" + upstream.getHost()).port(upstream.getPort()).get("/received").then()
                .statusCode(200).extract().asString();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events/..%2F..%2Fq/metrics", "/api/v1/events/%2e/a%2fb", "/api/v1/events/a%252Fb",
            "/api/v1/events/./a%5Cb", "/api/v1/events/%252E%252E/q", "/api/v1/events/..;/q"})
    void aPathAServiceCouldReadOtherwiseIsRefusedAndNeverForwarded(String path) {
        int before = received().size();
        gateway().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://kepu.org/problems/invalid-path"));
        // A request the service does get, sent after the refused one: once it has arrived, the refused one would have.
        String marker = "/api/v1/events/" + UUID.randomUUID();
        gateway().get(marker).then().statusCode(200);
        List<String> received = received();
        assertEquals(List.of(marker), received.subList(before, received.size()));
    }
}
