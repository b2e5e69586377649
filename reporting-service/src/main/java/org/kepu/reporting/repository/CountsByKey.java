package org.kepu.reporting.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns {@code SELECT key, count(*) … GROUP BY key} rows into a map. */
final class CountsByKey {

    private CountsByKey() {
    }

    static Map<String, Long> of(List<?> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            counts.put(String.valueOf(cells[0]), ((Number) cells[1]).longValue());
        }
        return counts;
    }
}
