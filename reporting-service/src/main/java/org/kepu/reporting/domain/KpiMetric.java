package org.kepu.reporting.domain;

import java.util.Set;

/**
 * The measures the plans set targets on, each with the scopes it can be measured in. New measures are added here with
 * their computation in service.KpiReport.
 */
public enum KpiMetric {
    /** Science education bases certified at provincial or national level and still valid. Scope: PROVINCE. */
    PROVINCIAL_OR_HIGHER_BASES,
    /** Touring-exhibition and caravan stops of the year in regions joined by '+', e.g. EAST+WEST+NORTH. */
    TOURING_STOPS,
    /** Cities with a comprehensive science museum; the target is per city, so the scope is EACH_CITY. */
    CITIES_WITH_SCIENCE_MUSEUM;

    private static final Set<String> REGIONS = Set.of("PRD", "EAST", "WEST", "NORTH");

    /** Whether {@code scope} is one this measure can be taken in. */
    public boolean accepts(String scope) {
        return switch (this) {
            case PROVINCIAL_OR_HIGHER_BASES -> "PROVINCE".equals(scope);
            case TOURING_STOPS -> scope != null && !scope.isBlank()
                    && Set.of(scope.split("\\+")).stream().allMatch(REGIONS::contains);
            case CITIES_WITH_SCIENCE_MUSEUM -> "EACH_CITY".equals(scope);
        };
    }

    /** The scopes this measure accepts, as a client should read them. */
    public String scopes() {
        return switch (this) {
            case PROVINCIAL_OR_HIGHER_BASES -> "PROVINCE";
            case TOURING_STOPS -> "economic regions joined by '+', e.g. EAST+WEST+NORTH";
            case CITIES_WITH_SCIENCE_MUSEUM -> "EACH_CITY";
        };
    }
}
