package org.kepu.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FieldDriftTest {

    /** Stands in for JPA's annotation, which FieldDrift knows by its simple name. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Embeddable {
    }

    /** Stands in for JPA's annotation, which FieldDrift knows by its simple name. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface MappedSuperclass {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    enum Status {
        PUBLISHED
    }

    static class Entity {
        static final String NOT_A_FIELD = "x";
        public String titleZh = "科普讲座";
        public OffsetDateTime startsAt = OffsetDateTime.parse("2024-05-18T01:00:00Z");
        public Status status = Status.PUBLISHED;
        public List<String> themes = List.of("AI");
        public Integer capacity = 500;
        public String pushDigest = "abc";
        transient String cache = "c";
    }

    @Test
    void theFieldsOfAnEntityAreItsInstanceFieldsInOrder() {
        assertEquals(List.of("titleZh", "startsAt", "status", "themes", "capacity", "pushDigest"),
                List.copyOf(FieldDrift.fieldsOf(new Entity()).keySet()));
    }

    @Test
    void aViewThatShowsEveryFieldOrNamesItAsLeftOutPasses() throws Exception {
        JsonNode view = JSON.readTree("""
                {"titleZh":"科普讲座","startsAt":"2024-05-18T09:00:00+08:00","status":"PUBLISHED","themes":["AI"],
                 "capacity":500}""");
        FieldDrift.assertCarries("view", view, FieldDrift.fieldsOf(new Entity()), Set.of("pushDigest"));
    }

    @Test
    void aFieldMissingChangedOrShownThoughLeftOutFailsNamingIt() throws Exception {
        JsonNode view = JSON.readTree("""
                {"titleZh":"科普讲座","startsAt":"2024-05-18T09:00:01+08:00","status":"PUBLISHED","capacity":500,
                 "pushDigest":"abc"}""");
        AssertionError failure = assertThrows(AssertionError.class, () -> FieldDrift.assertCarries("view", view,
                FieldDrift.fieldsOf(new Entity()), Set.of("pushDigest")));
        assertTrue(failure.getMessage().contains("startsAt: held"), failure.getMessage());
        assertTrue(failure.getMessage().contains("themes is missing"), failure.getMessage());
        assertTrue(failure.getMessage().contains("pushDigest is named as left out, yet shown"), failure.getMessage());
    }

    @MappedSuperclass
    abstract static class Versioned {
        public long version = 3;
    }

    static class Placed extends Versioned {
        public String divisionCode = "440106";
    }

    @Test
    void theFieldsAMappedSuperclassGivesComeFirst() {
        Map<String, Object> fields = FieldDrift.fieldsOf(new Placed());
        assertEquals(List.of("version", "divisionCode"), List.copyOf(fields.keySet()));
        assertEquals(3L, fields.get("version"));
    }

    @Embeddable
    static class Standing {
        String level = "PROVINCIAL";
        Integer lastEvaluatedYear = 2025;
    }

    static class Base {
        public String nameZh = "广东科学中心";
        Standing certification = new Standing();
        Standing none;
    }

    record Draft(String nameZh, String nameEn) {
    }

    @Test
    void anEmbeddedComponentsFieldsAreNamedByPathAndNullWithIt() {
        Map<String, Object> fields = FieldDrift.fieldsOf(new Base());
        assertEquals(List.of("nameZh", "certification.level", "certification.lastEvaluatedYear", "none.level",
                "none.lastEvaluatedYear"), List.copyOf(fields.keySet()));
        assertEquals("PROVINCIAL", fields.get("certification.level"));
        assertEquals(null, fields.get("none.level"));
    }

    @Test
    void renamedAndNestedFieldsAreFoundByPathAndStaleListsFail() throws Exception {
        Map<String, Object> fields = FieldDrift.only(FieldDrift.fieldsOf(new Base()), "nameZh", "certification.level",
                "certification.lastEvaluatedYear");
        JsonNode view = JSON.readTree("""
                {"name":{"zh":"广东科学中心"},"certification":{"level":"PROVINCIAL"}}""");
        FieldDrift.assertCarries("view", view, fields, Map.of("nameZh", "name.zh"),
                Set.of("certification.lastEvaluatedYear"));
        AssertionError failure = assertThrows(AssertionError.class, () -> FieldDrift.assertCarries("view", view,
                fields, Map.of("nameZh", "name.zh"), Set.of("certification.lastEvaluatedYear", "website")));
        assertTrue(failure.getMessage().contains("website is named in a list but is no field"), failure.getMessage());
        JsonNode list = JSON.readTree("{\"items\":[{\"level\":\"NATIONAL\"}]}");
        assertEquals("NATIONAL", FieldDrift.at(list, "items.0.level").asText());
    }

    @Test
    void aSampleRequestSetsEveryFieldAndTheEntityHoldsEachAsSent() {
        Map<String, Object> sample = new HashMap<>(Map.of("nameZh", "广东科学中心"));
        AssertionError unset = assertThrows(AssertionError.class,
                () -> FieldDrift.assertSetsEvery(Draft.class, sample));
        assertTrue(unset.getMessage().contains("unset [nameEn]"), unset.getMessage());
        sample.put("nameEn", "Guangdong Science Center");
        FieldDrift.assertSetsEvery(Draft.class, sample);

        Map<String, Object> held = Map.of("nameZh", "广东科学中心", "english", "Guangdong Science Centre");
        AssertionError changed = assertThrows(AssertionError.class,
                () -> FieldDrift.assertHolds("stored", sample, held, Map.of("nameEn", "english")));
        assertTrue(changed.getMessage().contains("nameEn: sent Guangdong Science Center"), changed.getMessage());
    }

    @Test
    void aReadModelKeepsEachPropertyOfTheFactUnderItsColumnOrNamesItAsLeftOut() throws Exception {
        JsonNode fact = JSON.readTree("""
                {"id":"v1","nameZh":"广东科学中心","capacity":8000,
                 "certification":{"status":"CERTIFIED","validUntil":"2028-12-31"}}""");
        Map<String, Object> row = Map.of("venue_id", "v1", "name_zh", "广东科学中心", "cert_status", "CERTIFIED",
                "cert_valid_until", "2028-12-31", "updated_at", "now");
        Map<String, String> columns = Map.of("id", "venue_id", "certification", "cert_");
        FieldDrift.assertKeeps("venue_summary", fact, row, columns, Set.of("capacity"), Set.of("updated_at"));

        Map<String, Object> drifted = new HashMap<>(row);
        drifted.remove("cert_valid_until");
        drifted.put("city_code", "440100");
        AssertionError failure = assertThrows(AssertionError.class, () -> FieldDrift.assertKeeps("venue_summary",
                fact, drifted, columns, Set.of("capacity"), Set.of("updated_at")));
        assertTrue(failure.getMessage().contains("certification.validUntil is not kept (add column cert_valid_until"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("column city_code has no property"), failure.getMessage());
    }

    @Test
    void valuesAreComparedAsAPersonWouldReadThem() throws Exception {
        assertTrue(FieldDrift.same(23.0418, JSON.readTree("23.0418")));
        assertFalse(FieldDrift.same(23.0418, JSON.readTree("\"23.0418\"")));
        assertTrue(FieldDrift.same(null, null));
        assertFalse(FieldDrift.same("x", JSON.readTree("null")));
        assertTrue(FieldDrift.same(true, JSON.readTree("true")));
        assertFalse(FieldDrift.same(List.of("A", "B"), JSON.readTree("[\"B\",\"A\"]")));
        assertTrue(FieldDrift.same(new String[]{"A", "B"}, JSON.readTree("[\"A\",\"B\"]")));
        assertTrue(FieldDrift.same(Map.of("展品数", "120"), JSON.readTree("{\"展品数\":\"120\"}")));
        assertFalse(FieldDrift.same(Map.of("展品数", "120"), JSON.readTree("{\"展品数\":\"121\"}")));
    }
}
