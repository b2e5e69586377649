package org.kepu.common.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DivisionsTest {

    private final Divisions divisions = new Divisions();

    @Test
    void codesSayTheirLevelAndPrefix() {
        assertTrue(DivisionCodes.isProvince("440000"));
        assertTrue(DivisionCodes.isCity("440100"));
        assertFalse(DivisionCodes.isCity("440113"));
        assertEquals("44", DivisionCodes.prefixOf("440000"));
        assertEquals("4401", DivisionCodes.prefixOf("440100"));
        assertEquals("440113", DivisionCodes.prefixOf("440113"));
    }

    @Test
    void guangdongHasOneProvince21CitiesAnd122Counties() {
        Map<Division.Level, Long> byLevel = divisions.all().stream()
                .collect(Collectors.groupingBy(Division::level, Collectors.counting()));
        assertEquals(Map.of(Division.Level.PROVINCE, 1L, Division.Level.CITY, 21L, Division.Level.COUNTY, 122L),
                byLevel);
    }

    @Test
    void aCountyBelongsToItsCityAndACityToItself() {
        assertEquals("番禺区", divisions.find("440113").orElseThrow().name());
        assertEquals("440100", divisions.cityOf("440113").orElseThrow().code());
        assertEquals("441900", divisions.cityOf("441900").orElseThrow().code(), "Dongguan has no counties");
        assertTrue(divisions.cityOf("440000").isEmpty());
        assertTrue(divisions.find("999999").isEmpty());
        assertTrue(divisions.find(null).isEmpty());
    }

    @Test
    void withinADivisionUsesTheColumnItsLevelIsIndexedBy() {
        Map<String, Object> params = new java.util.HashMap<>();
        assertEquals("e.division_code LIKE :province", DivisionSql.within("e", "440000", params));
        assertEquals("44%", params.get("province"));
        assertEquals("e.city_code = :city", DivisionSql.within("e", "440300", params));
        assertEquals("e.division_code = :county", DivisionSql.within("e", "440305", params));
        assertEquals("440305", params.get("county"));
    }

    @Test
    void everyCityAndCountyHasAnEconomicRegion() {
        assertTrue(divisions.all().stream().filter(d -> d.level() != Division.Level.PROVINCE)
                .allMatch(d -> d.economicRegion() != null));
    }
}
