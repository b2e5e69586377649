package org.kepu.reporting.domain;

import java.util.Map;
import java.util.Set;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.rules.DomainException;

/**
 * Where a report looks: the province, a city or county by its code, or economic regions (PRD, EAST, WEST, NORTH,
 * joined by '+'). 400 naming {@code scope} for anything else.
 */
public record ReportScope(String text) {

    private static final Set<String> REGIONS = Set.of("PRD", "EAST", "WEST", "NORTH");

    public static ReportScope parse(String text, Divisions divisions) {
        // "EAST+WEST+NORTH" typed into a URL arrives as "EAST WEST NORTH" ('+' means a space in a query string).
        String scope = text == null || text.isBlank() ? "PROVINCE" : text.trim().replaceAll("[\\s+]+", "+");
        boolean regions = Set.of(scope.split("\\+")).stream().allMatch(REGIONS::contains);
        boolean division = scope.matches("\\d{6}") && divisions.find(scope).isPresent();
        if (!"PROVINCE".equals(scope) && !regions && !division) {
            throw DomainException.invalid("scope",
                    "must be PROVINCE, a Guangdong city or county code, or regions such as EAST+WEST+NORTH");
        }
        return new ReportScope(scope);
    }

    /** The condition over a read model with {@code division_code}, {@code city_code} and {@code economic_region}. */
    public String condition(String alias, Map<String, Object> params) {
        if ("PROVINCE".equals(text)) {
            return "true";
        }
        if (Character.isDigit(text.charAt(0))) {
            return DivisionSql.within(alias, text, params);
        }
        params.put("regions", Set.of(text.split("\\+")));
        return alias + ".economic_region IN (:regions)";
    }
}
