package org.kepu.common.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WHERE condition of a search built filter by filter, with its named parameters: a filter whose value is absent
 * adds nothing. Every service's search filters build on this, so that conditions and parameters never drift apart.
 */
public final class SqlConditions {

    private final StringBuilder where;
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Starts from the condition every search of this kind has (e.g. "public rows only"). */
    public SqlConditions(String always) {
        this.where = new StringBuilder(always);
    }

    /** Adds a condition that needs no parameter, or whose parameters are bound separately. */
    public SqlConditions and(String condition) {
        where.append(" AND ").append(condition);
        return this;
    }

    /** Adds {@code condition} with its parameter {@code name} when {@code value} is not null; otherwise nothing. */
    public SqlConditions and(String condition, String name, Object value) {
        if (value != null) {
            and(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Binds a parameter a condition added with {@link #and(String)} names. */
    public SqlConditions bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** The live parameters, for helpers that bind several at once (NearSql, DivisionSql). */
    public Map<String, Object> liveParams() {
        return params;
    }

    /** The condition, for a WHERE clause. */
    public String where() {
        return where.toString();
    }

    /** A copy of the parameters, to add a query's own to. */
    public Map<String, Object> params() {
        return new LinkedHashMap<>(params);
    }
}
