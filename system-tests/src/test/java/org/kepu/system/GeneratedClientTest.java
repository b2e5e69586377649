package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The merged OpenAPI is what front-end teams generate their clients from: every operation is named by a verb, every
 * success answer has its schema (and its ETag and Location headers), every error the problem schema — and a
 * TypeScript client generated from it (openapi-generator's typescript-fetch, as the web teams use) compiles strictly
 * and returns a typed value from every operation that answers with a body.
 */
@ExtendWith(KepuSystem.class)
class GeneratedClientTest {

    static final Pattern VERB_ID = Pattern
            .compile(
                    "(get|list|search|create|update|delete|publish|cancel|complete|report|register|check|export|resize|assign|replace|change|record|close|reject|push)[A-Z]\\w*");

    static JsonNode document;
    static Path file;

    @BeforeAll
    static void fetch() throws Exception {
        String json = given().when().get("/openapi.json").then().statusCode(200).extract().asString();
        file = KepuSystem.ROOT.resolve("system-tests/target/openapi-for-client.json");
        Files.writeString(file, json);
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationIsNamedByAVerbAndTypesEveryAnswer() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            String id = operation.path("operationId").asText();
            if (!VERB_ID.matcher(id).matches() || !ids.add(id)) {
                problems.add(where + ": operationId '" + id + "' is not a unique verb phrase");
            }
            if (operation.path("responses").propertyStream().noneMatch(r -> r.getKey().startsWith("2"))) {
                problems.add(where + ": no success answer");
            }
            boolean conditional = operation.path("responses").has("304");
            operation.path("responses").properties().forEach(answer -> {
                String code = answer.getKey();
                JsonNode response = answer.getValue();
                if (code.startsWith("2") && !code.equals("204") && !hasSchema(response)) {
                    problems.add(where + " " + code + ": no schema");
                }
                if (code.equals("201") && !response.path("headers").has("Location")) {
                    problems.add(where + " 201: no Location header");
                }
                if (code.startsWith("2") && !code.equals("204") && conditional
                        && !response.path("headers").has("ETag")) {
                    problems.add(where + " " + code + ": answers 304 but declares no ETag");
                }
                if ((code.startsWith("4") || code.startsWith("5")) && !response.path("content")
                        .path("application/problem+json").path("schema").path("$ref").asText()
                        .equals("#/components/schemas/Problem")) {
                    problems.add(where + " " + code + ": not a problem+json Problem");
                }
            });
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void aGeneratedTypeScriptClientCompilesAndTypesEveryAnswer() throws Exception {
        Path out = KepuSystem.ROOT.resolve("system-tests/target/typescript-client");
        new DefaultGenerator().opts(new CodegenConfigurator().setGeneratorName("typescript-fetch")
                .setInputSpec(file.toString()).setOutputDir(out.toString()).toClientOptInput()).generate();

        Process tsc = new ProcessBuilder(KepuSystem.ROOT.resolve("build/lint/node_modules/.bin/tsc").toString(),
                "--noEmit", "--strict", "--target", "ES2020", "--module", "ES2020", "--moduleResolution", "node",
                "--lib", "ES2020,DOM", out.resolve("index.ts").toString()).redirectErrorStream(true).start();
        String report = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tsc.waitFor(120, TimeUnit.SECONDS), "tsc did not finish");
        assertEquals(0, tsc.exitValue(), "the generated client does not compile:\n" + report);

        Set<String> noBody = new HashSet<>();
        document.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.path("responses").has("204")) {
                noBody.add(operation.path("operationId").asText());
            }
        }));
        List<String> untyped = new ArrayList<>();
        Pattern method = Pattern.compile("async (\\w+)\\([^)]*\\): Promise<(.+)> \\{");
        try (Stream<Path> apis = Files.list(out.resolve("apis"))) {
            for (Path api : apis.filter(p -> p.toString().endsWith("Api.ts")).toList()) {
                Matcher m = method.matcher(Files.readString(api));
                while (m.find()) {
                    String name = m.group(1);
                    String type = m.group(2);
                    if (!name.endsWith("Raw") && (type.contains("any") || type.equals("void") && !noBody.contains(name))) {
                        untyped.add(api.getFileName() + " " + name + ": Promise<" + type + ">");
                    }
                }
            }
        }
        assertEquals(List.of(), untyped);
        assertTrue(Files.readString(out.resolve("apis/EventsApi.ts")).contains("async getEvent("),
                "operation ids became the client's method names");
    }

    private static boolean hasSchema(JsonNode response) {
        JsonNode content = response.path("content");
        if (!content.isObject() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (!schema.isObject() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
