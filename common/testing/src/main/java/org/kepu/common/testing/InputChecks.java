package org.kepu.common.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The strict-input checks every endpoint gets by adding one line to a {@code @TestFactory}: each field of a body sent
 * with each wrong JSON type, each numeric query parameter sent as something that is not a number or does not fit,
 * text that is not UTF-8, a single-valued parameter given twice — each must be a 400 problem naming the field.
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; searchRefusesBadNumbers() {
 *     return InputChecks.query("/api/v1/events").integers("page", "size").decimals("lat", "lon").checks();
 * }
 * </pre>
 */
public final class InputChecks {

    /** What a body field holds, which decides the wrong values it is sent. */
    public enum Kind {
        TEXT(5, true, Map.of()), INTEGER(1.5, "5", true, 99_999_999_999L), DECIMAL("23.1", true, List.of()), ENUM(0,
                "NO_SUCH_VALUE",
                true), TIME(1_716_000_000L, "2024-05-18T09:00:00", "2024-05-18", "+20000-01-01T00:00:00Z", true), UUID(5,
                        "not-a-uuid", true), BOOLEAN(1, "true"), LIST("one", 5, Map.of()), OBJECT("one", 5, List.of());

        private final List<Object> wrongValues;

        Kind(Object... wrongValues) {
            this.wrongValues = List.of(wrongValues);
        }
    }

    private InputChecks() {
    }

    /** Checks of a JSON body: start from one the endpoint accepts, then name each field's kind. */
    public static BodyChecks body(String method, String path, Supplier<RequestSpecification> request,
            Map<String, ?> validBody) {
        return new BodyChecks(method, path, request, validBody);
    }

    /** Checks of a GET's query parameters. */
    public static QueryChecks query(String path) {
        return new QueryChecks(path, RestAssured::given);
    }

    /** Checks of a GET's query parameters, for requests that need a token. */
    public static QueryChecks query(String path, Supplier<RequestSpecification> request) {
        return new QueryChecks(path, request);
    }

    /** See {@link InputChecks#body}. */
    public static final class BodyChecks {
        private final String method;
        private final String path;
        private final Supplier<RequestSpecification> request;
        private final Map<String, ?> validBody;
        private final Map<String, Kind> fields = new LinkedHashMap<>();

        private BodyChecks(String method, String path, Supplier<RequestSpecification> request, Map<String, ?> validBody) {
            this.method = method;
            this.path = path;
            this.request = request;
            this.validBody = validBody;
        }

        /** Adds fields of one kind. */
        public BodyChecks fields(Kind kind, String... names) {
            for (String name : names) {
                fields.put(name, kind);
            }
            return this;
        }

        /** One test per field and wrong value, and one for a field the body does not have. */
        public Stream<DynamicTest> checks() {
            List<DynamicTest> tests = new ArrayList<>();
            fields.forEach((field, kind) -> kind.wrongValues.forEach(wrong -> tests.add(DynamicTest.dynamicTest(
                    method + " " + path + " with " + field + " = " + describe(wrong) + " is refused",
                    () -> refused(with(field, wrong), field)))));
            tests.add(DynamicTest.dynamicTest(method + " " + path + " with an unknown field is refused",
                    () -> refused(with("noSuchField", 1), "noSuchField")));
            return tests.stream();
        }

        private Map<String, Object> with(String field, Object value) {
            Map<String, Object> body = new LinkedHashMap<>(validBody);
            body.put(field, value);
            return body;
        }

        private void refused(Map<String, Object> body, String field) {
            request.get().contentType(ContentType.JSON).body(body).when().request(method, path).then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        }

        private static String describe(Object value) {
            return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        }
    }

    /** See {@link InputChecks#query}. */
    public static final class QueryChecks {
        private final String path;
        private final Supplier<RequestSpecification> request;
        private final Map<String, List<String>> wrong = new LinkedHashMap<>();

        private QueryChecks(String path, Supplier<RequestSpecification> request) {
            this.path = path;
            this.request = request;
        }

        /** Parameters that take a whole number. */
        public QueryChecks integers(String... names) {
            return add(List.of("abc", "1.5", "99999999999", "1e3", "0x10", ""), names);
        }

        /** Parameters that take a decimal. */
        public QueryChecks decimals(String... names) {
            return add(List.of("abc", "NaN", "Infinity", "1e400", "0x10", "1,5"), names);
        }

        /** Parameters that take text: not UTF-8 once decoded. */
        public QueryChecks texts(String... names) {
            return add(List.of("%FF", "%E7%A7", "%C0%AF"), names);
        }

        /** Parameters that take a time. */
        public QueryChecks times(String... names) {
            return add(List.of("1716000000", "2024-05-18T09:00:00", "%2B20000-01-01T00:00:00Z"), names);
        }

        private QueryChecks add(List<String> values, String... names) {
            for (String name : names) {
                wrong.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
            return this;
        }

        /** One test per parameter and wrong value, and one per parameter given twice. */
        public Stream<DynamicTest> checks() {
            List<DynamicTest> tests = new ArrayList<>();
            wrong.forEach((name, values) -> {
                for (String value : values) {
                    if (!value.isEmpty()) {
                        tests.add(DynamicTest.dynamicTest("GET " + path + "?" + name + "=" + value + " is refused",
                                () -> refused(name + "=" + value, name)));
                    }
                }
                tests.add(DynamicTest.dynamicTest("GET " + path + " with " + name + " twice is refused",
                        () -> refused(name + "=1&" + name + "=1", name)));
            });
            return tests.stream();
        }

        private void refused(String rawQuery, String name) {
            request.get().urlEncodingEnabled(false).when().get(path + "?" + rawQuery).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(name));
        }
    }
}
