package org.kepu.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kepu.common.json.StrictJson;
import org.kepu.common.problem.Problem.InvalidField;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Each JSON type a field can have, sent wrong, is refused with the field named — never reinterpreted. */
class StrictJsonTest {

    enum Colour {
        RED, GREEN
    }

    record Nested(Integer size) {
    }

    record Body(String name, Integer count, Integer seats, int places, Double latitude, Boolean open, Colour colour,
            OffsetDateTime startsAt, List<Colour> colours, Nested nested) {
    }

    /** As Quarkus builds it: the JSR-310 module first, then our customizer. */
    private static final ObjectMapper MAPPER = StrictJson.apply(JsonMapper.builder().build()
            .registerModule(new JavaTimeModule()));

    private static final String VALID = """
            {"name":"科普","count":3,"seats":2,"latitude":23.1,"open":true,"places":1,"colour":"RED",
             "startsAt":"2024-05-18T09:00:00+08:00","colours":["GREEN"],"nested":{"size":4}}""";

    @Test
    void aBodyOfTheRightTypesIsRead() throws Exception {
        Body body = MAPPER.readValue(VALID, Body.class);
        assertEquals(3, body.count());
        assertEquals(Colour.RED, body.colour());
        assertEquals(OffsetDateTime.parse("2024-05-18T09:00:00+08:00"), body.startsAt());
        assertEquals(23.1, body.latitude());
        // a whole number is a fine decimal
        assertEquals(23.0, MAPPER.readValue("{\"latitude\":23,\"places\":1}", Body.class).latitude());
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "colour|1", "colour|'\"1\"'", "colour|'\"red\"'", "colour|'\"\"'", "colour|true",
            "count|1.5", "count|1.0", "count|1e2", "count|'\"3\"'", "count|true", "count|99999999999",
            "seats|2.5", "places|null", "places|2.5",
            "latitude|'\"23.1\"'", "latitude|true",
            "open|1", "open|'\"true\"'",
            "name|5", "name|1.5", "name|false", "name|[]", "name|{}",
            "startsAt|1716000000", "startsAt|1716000000.5", "startsAt|'\"2024-05-18T09:00:00\"'",
            "startsAt|'\"2024-05-18\"'", "startsAt|'\"+20000-01-01T00:00:00Z\"'", "startsAt|'\"1800-01-01T00:00:00Z\"'",
            "colours|'\"GREEN\"'", "colours|[0]", "nested|5", "nested|[]"})
    void aWrongTypeIsRefusedNamingTheField(String field, String json) {
        InvalidField error = refusal("{\"" + field + "\":" + json + "}");
        assertEquals(field, error.field().replaceAll("\\[\\d+]$", ""), error.toString());
    }

    @Test
    void whatIsExpectedIsSaid() {
        assertTrue(refusal("{\"colour\":1}").message().contains("RED, GREEN"));
        assertTrue(refusal("{\"count\":1.5}").message().contains("whole number"));
        assertTrue(refusal("{\"startsAt\":1716000000}").message().contains("ISO-8601"));
        assertEquals("nested.size", refusal("{\"nested\":{\"size\":\"4\"}}").field());
        assertEquals("colours[1]", refusal("{\"colours\":[\"RED\",\"BLUE\"]}").field());
    }

    @Test
    void anUnknownOrRepeatedFieldIsRefused() {
        InvalidField unknown = refusal("{\"places\":1,\"cuont\":3}");
        assertEquals("cuont", unknown.field());
        assertTrue(unknown.message().contains("count"), unknown.message());
        assertEquals("count", refusal("{\"places\":1,\"count\":3,\"count\":4}").field());
    }

    @Test
    void trailingContentIsNotIgnored() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"count\":3} {\"count\":4}", Body.class));
        assertEquals(400, JsonInputMapper.toProblem(e).status());
    }

    private static InvalidField refusal(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Body.class),
                json + " was accepted");
        Problem problem = JsonInputMapper.toProblem(e);
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size(), problem.toString());
        return problem.errors().get(0);
    }
}
