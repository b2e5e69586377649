package org.kepu.common.divisions;

import java.util.Map;

/**
 * "Within this division" over a table that keeps a {@code division_code} and the {@code city_code} derived from it (as
 * events and venues do): the province finds all, a city its own row's column, a county its code. Each answers from an
 * index on one column, where a text prefix could not use one together with other filters.
 */
public final class DivisionSql {

    private DivisionSql() {
    }

    /** The condition for {@code code} (any level), with its parameter added to {@code params}. */
    public static String within(String alias, String code, Map<String, Object> params) {
        if (DivisionCodes.isProvince(code)) {
            params.put("province", DivisionCodes.prefixOf(code) + "%");
            return alias + ".division_code LIKE :province";
        }
        if (DivisionCodes.isCity(code)) {
            params.put("city", code);
            return alias + ".city_code = :city";
        }
        params.put("county", code);
        return alias + ".division_code = :county";
    }
}
