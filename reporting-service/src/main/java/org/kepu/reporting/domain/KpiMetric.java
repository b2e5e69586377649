package org.kepu.reporting.domain;

import java.util.Set;

/**
 * The measures the plans set targets on, each with the scopes it can be measured in. New measures are added here with
 * their computation in service.KpiReport.
 */
public enum KpiMetric {
    /** Science education bases certified at provincial or national level and still valid. Scope: PROVINCE. */
    PROVINCIAL_OR_HIGHER_BASES("省级以上科普教育基地"),
    /** Touring-exhibition and caravan stops of the year in regions joined by '+', e.g. EAST+WEST+NORTH. */
    TOURING_STOPS("巡展站点"),
    /** Cities with a comprehensive science museum; the target is per city, so the scope is EACH_CITY. */
    CITIES_WITH_SCIENCE_MUSEUM("拥有综合性科技馆的地级以上市"),
    /**
     * A city's districts that held at least the target's number of public events during 科技活动周 (its announced
     * dates, or its usual week); the scope is the city's code, and the KPI's target is the number of districts.
     */
    SCIENCE_WEEK_DISTRICTS("科技活动周开展活动的区"),
    /**
     * A plan's responsible units that held at least the target's number of public events (as organizer) during the
     * year's 科技活动周; the scope is the plan's id, and the KPI's target is the number of units the plan names.
     */
    SCIENCE_WEEK_UNITS("科技活动周开展活动的责任单位");

    private static final Set<String> REGIONS = Set.of("PRD", "EAST", "WEST", "NORTH");

    private final String labelZh;

    KpiMetric(String labelZh) {
        this.labelZh = labelZh;
    }

    /** The measure's name as officials read it in exports. */
    public String labelZh() {
        return labelZh;
    }

    /** Whether {@code scope} is one this measure can be taken in. */
    public boolean accepts(String scope) {
        return switch (this) {
            case PROVINCIAL_OR_HIGHER_BASES -> "PROVINCE".equals(scope);
            case TOURING_STOPS -> scope != null && !scope.isBlank()
                    && Set.of(scope.split("\\+")).stream().allMatch(REGIONS::contains);
            case CITIES_WITH_SCIENCE_MUSEUM -> "EACH_CITY".equals(scope);
            case SCIENCE_WEEK_DISTRICTS -> scope != null && scope.matches("44\\d{2}00");
            case SCIENCE_WEEK_UNITS -> scope != null
                    && scope.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        };
    }

    /** The scopes this measure accepts, as a client should read them. */
    public String scopes() {
        return switch (this) {
            case PROVINCIAL_OR_HIGHER_BASES -> "PROVINCE";
            case TOURING_STOPS -> "economic regions joined by '+', e.g. EAST+WEST+NORTH";
            case CITIES_WITH_SCIENCE_MUSEUM -> "EACH_CITY";
            case SCIENCE_WEEK_DISTRICTS -> "a city's code, e.g. 440100";
            case SCIENCE_WEEK_UNITS -> "a plan's id";
        };
    }
}
