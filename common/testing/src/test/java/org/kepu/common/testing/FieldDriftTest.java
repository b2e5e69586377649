package org.kepu.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FieldDriftTest {

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

    @Test
    void valuesAreComparedAsAPersonWouldReadThem() throws Exception {
        assertTrue(FieldDrift.same(23.0418, JSON.readTree("23.0418")));
        assertFalse(FieldDrift.same(23.0418, JSON.readTree("\"23.0418\"")));
        assertTrue(FieldDrift.same(null, null));
        assertFalse(FieldDrift.same("x", JSON.readTree("null")));
        assertTrue(FieldDrift.same(true, JSON.readTree("true")));
        assertFalse(FieldDrift.same(List.of("A", "B"), JSON.readTree("[\"B\",\"A\"]")));
    }
}
