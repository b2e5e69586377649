package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.security.DevTokenMinter.TokenSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every typed path and query parameter of every operation in the merged OpenAPI document, sent a malformed value
 * through the gateway, is refused with a 400 problem naming it. The cases come from the document itself, so a new
 * endpoint, or a new parameter type, is checked without a test of its own.
 */
@ExtendWith(KepuSystem.class)
class MalformedParametersTest {

    /**
     * Fewer checked parameters than this means the document was not read as intended (the API had 152 typed ones when
     * this was written), not that the API shrank: the check must not pass by finding little or nothing to check.
     */
    static final int AT_LEAST = 120;

    /** The kinds the API is known to have; one missing means the document's schemas are no longer read right. */
    static final Set<Kind> KINDS_EXPECTED = EnumSet.of(Kind.UUID, Kind.DATE, Kind.DATE_TIME, Kind.INTEGER, Kind.NUMBER,
            Kind.ENUM);

    /**
     * Parameters for which a value outside the schema rightly is not a 400, matched against "METHOD path name", each
     * with why.
     */
    static final Map<Pattern, String> NOT_CHECKED = Map.of(
            Pattern.compile("GET \\S+\\.\\{format} format"),
            "the export's file extension is part of the route (csv|xlsx): another extension names another resource,"
                    + " which does not exist, so 404 is the right answer");

    /** What a parameter's schema says it holds, and the values that are not one. */
    enum Kind {
        UUID("not-a-uuid", "1-1-1-1-1"), DATE("not-a-date", "2024-02-30"), DATE_TIME("not-a-time",
                "2024-05-18T09:00:00"), INTEGER("not-a-number", "1.5", "99999999999"), NUMBER("not-a-number",
                        "NaN"), BOOLEAN("not-a-boolean"), ENUM("NO_SUCH_VALUE"), PATTERN("not~matching");

        final List<String> malformed;

        Kind(String... malformed) {
            this.malformed = List.of(malformed);
        }

        /** The kind of a resolved schema; null for plain text, which has no malformed value. */
        static Kind of(JsonNode schema) {
            if (schema.has("enum")) {
                return ENUM;
            }
            switch (schema.path("format").asText()) {
                case "uuid" :
                    return UUID;
                case "date" :
                    return DATE;
                case "date-time" :
                    return DATE_TIME;
                default :
                    break;
            }
            return switch (schema.path("type").asText()) {
                case "integer" -> INTEGER;
                case "number" -> NUMBER;
                case "boolean" -> BOOLEAN;
                default -> schema.has("pattern") ? PATTERN : null;
            };
        }
    }

    /** One request: an operation with one of its parameters given one malformed value. */
    record Case(String method, String path, JsonNode operation, JsonNode parameter, Kind kind, String value) {

        String name() {
            return parameter.path("name").asText();
        }

        @Override
        public String toString() {
            return method + " " + path + " " + parameter.path("in").asText() + " " + name() + "=" + value + " ("
                    + kind + ")";
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final AtomicInteger CALLERS = new AtomicInteger();
    private static JsonNode document;

    @BeforeAll
    static void readTheMergedDocument() throws Exception {
        document = new ObjectMapper().readTree(
                given().when().get("/openapi.json").then().statusCode(200).extract().asString());
    }

    @Test
    void aPlansOverdueReportsOnADayThatIsNotADateIs400NamingOn() throws Exception {
        String plan = given().auth().oauth2(Gateway.admin()).contentType(ContentType.JSON)
                .body(Files.readString(Path.of(PlansAndReportsThroughTheGatewayTest.PLAN))).when()
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        String analyst = Gateway.TOKENS.token("analyst").role("analyst").sign();
        Response answer = given().auth().oauth2(analyst).when()
                .get("/api/v1/plans/" + plan + "/overdue?on=not-a-date");
        assertEquals(400, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("on", answer.path("errors[0].field"));
        assertTrue(answer.<String>path("errors[0].message").startsWith("must be an ISO-8601 date"), answer.asString());
        assertEquals("https://kepu.org/problems/validation-failed", answer.path("type"));
        given().auth().oauth2(analyst).when().get("/api/v1/plans/" + plan + "/overdue?on=2021-12-01").then()
                .statusCode(200);
        // A well-formed id of no plan is still not found: only a value that cannot be read is the client's mistake.
        given().auth().oauth2(analyst).when().get("/api/v1/plans/" + UUID.randomUUID() + "/overdue?on=2021-12-01")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @TestFactory
    Stream<DynamicTest> everyTypedParameterRefusesAMalformedValueNamingIt() {
        List<Case> cases = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String method = entry.getKey().toUpperCase();
            for (JsonNode parameter : parameters(path.getValue(), entry.getValue())) {
                String in = parameter.path("in").asText();
                if (!in.equals("path") && !in.equals("query")) {
                    continue;
                }
                String where = method + " " + path.getKey() + " " + parameter.path("name").asText();
                Kind kind = Kind.of(schema(parameter));
                String reason = NOT_CHECKED.entrySet().stream().filter(e -> e.getKey().matcher(where).matches())
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (reason != null) {
                    excluded.add(where + ": " + reason);
                } else if (kind == null) {
                    untyped.add(where);
                } else {
                    for (String value : kind.malformed) {
                        cases.add(new Case(method, path.getKey(), entry.getValue(), parameter, kind, value));
                    }
                }
            }
        }));
        System.out.println("Malformed parameters checked (" + cases.size() + "):\n  "
                + cases.stream().map(Case::toString).collect(Collectors.joining("\n  "))
                + "\nNot checked, by the exclusion list:\n  " + String.join("\n  ", excluded)
                + "\nPlain text, with no malformed value:\n  " + String.join("\n  ", untyped));
        long parameters = cases.stream().map(c -> c.method() + " " + c.path() + " " + c.name()).distinct().count();
        System.out.println(parameters + " parameters of " + document.path("paths").size() + " paths checked");
        assertTrue(parameters >= AT_LEAST, "only " + parameters + " typed parameters found in the merged document");
        Set<Kind> seen = cases.stream().map(Case::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        assertTrue(seen.containsAll(KINDS_EXPECTED), "kinds checked: " + seen);
        return cases.stream().map(c -> dynamicTest(c.toString(), () -> refused(c)));
    }

    private static void refused(Case check) {
        if (check.kind() == Kind.PATTERN) {
            assertTrue(!Pattern.compile(schema(check.parameter()).path("pattern").asText()).matcher(check.value())
                    .matches(), "the malformed value must not match the pattern");
        }
        String path = check.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : parameters(document.path("paths").path(check.path()), check.operation())) {
            String name = parameter.path("name").asText();
            boolean tested = parameter.equals(check.parameter());
            String value = URLEncoder.encode(tested ? check.value() : validValue(parameter), StandardCharsets.UTF_8);
            switch (parameter.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", value);
                case "query" -> {
                    if (tested || parameter.path("required").asBoolean()) {
                        query.put(name, value);
                    }
                }
                default -> {
                    // Headers are read after the path and query: a missing If-Match must not hide the 400.
                }
            }
        }
        RequestSpecification request = given().urlEncodingEnabled(false).auth().oauth2(token(check.operation()))
                .queryParams(query);
        JsonNode content = check.operation().path("requestBody").path("content");
        if (content.size() > 0) {
            String type = content.fieldNames().next();
            request = request.contentType(type).body(resolve(content.path(type).path("schema")).path("type").asText()
                    .equals("array") ? "[]" : "{}");
        }
        Response answer = request.when().request(check.method(), path);
        List<String> fields = answer.contentType().startsWith("application/problem+json")
                ? answer.path("errors.field")
                : null;
        assertTrue(answer.statusCode() == 400 && fields != null && fields.contains(check.name()),
                () -> check + " answered " + answer.statusCode() + " " + answer.contentType() + " " + answer.asString());
    }

    /** The operation's own parameters and its path's, with references resolved. */
    private static List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        Stream.of(pathItem.path("parameters"), operation.path("parameters")).forEach(list -> list.forEach(p -> all
                .add(p.has("$ref") ? document.at(p.path("$ref").asText().substring(1)) : p)));
        return all;
    }

    private static JsonNode schema(JsonNode parameter) {
        return resolve(parameter.path("schema"));
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.path("$ref").asText().substring(1));
        }
        return resolved;
    }

    /** A value the parameter accepts, for the parameters not under test: the document's example where it has one. */
    private static String validValue(JsonNode parameter) {
        JsonNode schema = schema(parameter);
        if (parameter.has("example")) {
            return parameter.path("example").asText();
        }
        if (schema.has("enum")) {
            return schema.path("enum").path(0).asText();
        }
        Kind kind = Kind.of(schema);
        if (kind == null) {
            return "x";
        }
        return switch (kind) {
            case UUID -> java.util.UUID.randomUUID().toString();
            case DATE -> "2024-05-18";
            case DATE_TIME -> "2024-05-18T09:00:00+08:00";
            case INTEGER, NUMBER -> schema.has("minimum") ? schema.path("minimum").asText() : "1";
            case BOOLEAN -> "true";
            // An alternation of words, such as csv|xlsx: its first word.
            case PATTERN -> schema.path("pattern").asText().split("\\|")[0];
            case ENUM -> throw new IllegalStateException("handled above");
        };
    }

    /** A token with a role the operation allows (admin where it may), from a caller of its own: no rate limit bites. */
    private static String token(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        operation.path("x-kepu-roles").forEach(role -> roles.add(role.asText()));
        String role = roles.isEmpty() || roles.contains("admin") ? "admin" : roles.get(0);
        TokenSpec token = Gateway.TOKENS.token("malformed-" + CALLERS.incrementAndGet()).role(role);
        return switch (role) {
            case "organizer" -> token.organization("malformed-parameters").sign();
            case "partner" -> token.partner("malformed-parameters").sign();
            case "venue-manager" -> token.venues(List.of(UUID.randomUUID().toString())).sign();
            default -> token.sign();
        };
    }
}
