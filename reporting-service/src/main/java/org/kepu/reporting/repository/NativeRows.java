package org.kepu.reporting.repository;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * Hand-written reads, each row read by the names its SQL gives the columns ({@code count(*) AS count}), never by
 * position: a column added or moved in the SQL cannot shift what another is read as.
 */
final class NativeRows {

    private NativeRows() {
    }

    /** The rows of {@code sql} with its named parameters bound. */
    @SuppressWarnings("unchecked")
    static List<Tuple> list(EntityManager entityManager, String sql, Map<String, Object> params) {
        return query(entityManager, sql, params).getResultList();
    }

    /** The one row of {@code sql} with its named parameters bound. */
    static Tuple single(EntityManager entityManager, String sql, Map<String, Object> params) {
        return (Tuple) query(entityManager, sql, params).getSingleResult();
    }

    /** A count or sum in {@code column}, whichever numeric type the driver hands back. */
    static long number(Tuple row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static Query query(EntityManager entityManager, String sql, Map<String, Object> params) {
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        return query;
    }
}
