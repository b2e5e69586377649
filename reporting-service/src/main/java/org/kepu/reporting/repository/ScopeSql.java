package org.kepu.reporting.repository;

import java.util.Map;

import org.kepu.common.divisions.DivisionSql;
import org.kepu.reporting.domain.ReportScope;

/** The SQL that keeps a report's rows to its scope; the scope itself is a domain value. */
final class ScopeSql {

    private ScopeSql() {
    }

    /**
     * The condition over a read model with {@code division_code}, {@code city_code} and {@code economic_region}; its
     * values go into {@code params}.
     */
    static String condition(ReportScope scope, String alias, Map<String, Object> params) {
        if (scope.isProvince()) {
            return "true";
        }
        if (scope.isDivision()) {
            return DivisionSql.within(alias, scope.text(), params);
        }
        params.put("regions", scope.regions());
        return alias + ".economic_region IN (:regions)";
    }
}
