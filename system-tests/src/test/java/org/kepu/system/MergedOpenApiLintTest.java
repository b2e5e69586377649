package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole public API's OpenAPI, as the gateway merges it, passes Spectral's OpenAPI rules without a warning. */
@ExtendWith(KepuSystem.class)
class MergedOpenApiLintTest {

    @Test
    void theMergedDocumentPassesSpectral() throws Exception {
        String document = given().when().get("/openapi.json").then().statusCode(200).extract().asString();
        Path file = KepuSystem.ROOT.resolve("system-tests/target/openapi-merged.json");
        Files.writeString(file, document);
        Path lint = KepuSystem.ROOT.resolve("build/lint");
        Process spectral = new ProcessBuilder(lint.resolve("node_modules/.bin/spectral").toString(), "lint",
                file.toString(), "--ruleset", lint.resolve(".spectral.yaml").toString(), "--fail-severity=warn")
                .redirectErrorStream(true).start();
        String report = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        spectral.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, spectral.exitValue(), "Spectral found problems:\n" + report);
    }
}
