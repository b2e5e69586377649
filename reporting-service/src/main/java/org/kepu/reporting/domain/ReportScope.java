package org.kepu.reporting.domain;

import java.util.Set;

import org.kepu.common.divisions.Divisions;
import org.kepu.common.rules.DomainException;

/**
 * Where a report looks: the province, a city or county by its code, or economic regions (PRD, EAST, WEST, NORTH,
 * joined by '+'). 400 naming {@code scope} for anything else. A value only: the SQL that selects a scope's rows is
 * {@code repository.ScopeSql}'s.
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

    /** The whole province. */
    public boolean isProvince() {
        return "PROVINCE".equals(text);
    }

    /** A city or county, by its code. */
    public boolean isDivision() {
        return Character.isDigit(text.charAt(0));
    }

    /** The economic regions joined in the scope; empty unless it names regions. */
    public Set<String> regions() {
        return isProvince() || isDivision() ? Set.of() : Set.of(text.split("\\+"));
    }
}
