package org.kepu.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * The gateway serves the web module's pages from its jar at / and /dashboard, gzipped when the browser accepts it,
 * under a Content-Security-Policy that allows the pages' own scripts only, while the API keeps its routing and its
 * problem+json answers.
 */
@QuarkusTest
@WithTestResource(RecordingUpstream.class)
class WebPagesTest {

    @Test
    void theFinderAndTheDashboardAreServedWithTheirPolicy() {
        String finder = given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(WebPages.CONTENT_SECURITY_POLICY))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache").extract().asString();
        assertTrue(finder.contains("role=\"search\""), "the finder's page");
        assertTrue(!finder.contains("<script>"), "no inline script");
        given().when().get("/dashboard").then().statusCode(200).body(containsString("sign-in"));

        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(finder);
        assertTrue(script.find(), "the finder names its script");
        RestAssuredConfig raw = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        given().config(raw).header("Accept-Encoding", "gzip").when().get(script.group(1)).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Cache-Control", containsString("immutable"))
                .contentType(containsString("text/javascript"));
        given().config(raw).header("Accept-Encoding", "br, gzip;q=0").when().head(script.group(1)).then().statusCode(200)
                .header("Content-Encoding", (String) null);
    }

    @Test
    void theApiAndOtherPathsAreAnsweredAsBefore() {
        given().when().get("/api/v2/nothing").then().statusCode(404).contentType("application/problem+json")
                .header("Content-Security-Policy", (String) null);
        given().when().get("/assets/missing.js").then().statusCode(404);
        given().when().post("/dashboard").then().statusCode(not(equalTo(200)));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
