package org.kepu.common.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SqlConditionsTest {

    @Test
    void absentFiltersAddNothingAndPresentOnesBringTheirParameter() {
        SqlConditions conditions = new SqlConditions("v.status <> 'CLOSED'")
                .and("v.kind = :kind", "kind", "LIBRARY").and("v.theme = :theme", "theme", null)
                .and("v.day = :day").bind("day", "2026-02-17");
        assertEquals("v.status <> 'CLOSED' AND v.kind = :kind AND v.day = :day", conditions.where());
        assertEquals(Map.of("kind", "LIBRARY", "day", "2026-02-17"), conditions.params());
    }

    @Test
    void theParametersHandedOutAreACopy() {
        SqlConditions conditions = new SqlConditions("true").and("a = :a", "a", 1);
        conditions.params().put("b", 2);
        assertEquals(Map.of("a", 1), conditions.params());
    }
}
