package org.kepu.reporting.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Tuple;

/** Turns {@code SELECT … AS key, count(*) AS count … GROUP BY key} rows into a map. */
final class CountsByKey {

    private CountsByKey() {
    }

    static Map<String, Long> of(List<Tuple> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Tuple row : rows) {
            counts.put(String.valueOf(row.get("key")), NativeRows.number(row, "count"));
        }
        return counts;
    }
}
