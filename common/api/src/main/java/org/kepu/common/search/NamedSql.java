package org.kepu.common.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL written with named parameters ({@code :name}), as {@link SqlConditions} and the geo and division helpers build
 * it, run through plain JDBC. Read-shaped queries (a search's one statement) are cheaper there than through an ORM's
 * native query: no entity mapping, no translation cache, and the driver prepares the same text once per connection,
 * so PostgreSQL can keep its plan.
 *
 * <p>
 * Each distinct text is parsed once and kept: a service's searches have a bounded number of shapes (one per
 * combination of filters). Quoted literals and {@code ::} casts are left alone.
 */
public final class NamedSql {

    private static final int MAX_KEPT = 1_000;
    private static final Map<String, NamedSql> PARSED = new ConcurrentHashMap<>();

    private final String jdbcSql;
    private final List<String> names;

    private NamedSql(String jdbcSql, List<String> names) {
        this.jdbcSql = jdbcSql;
        this.names = names;
    }

    /** The text with its parameters numbered, parsed once per distinct text. */
    public static NamedSql of(String sql) {
        NamedSql parsed = PARSED.get(sql);
        if (parsed == null) {
            parsed = parse(sql);
            if (PARSED.size() < MAX_KEPT) { // a bound on memory should shapes ever be built from values by mistake
                PARSED.put(sql, parsed);
            }
        }
        return parsed;
    }

    /** The SQL with a {@code ?} in place of each named parameter, as JDBC takes it. */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** The parameter names in the order of the {@code ?}s; a name used twice appears twice. */
    public List<String> names() {
        return names;
    }

    /**
     * A statement on {@code connection} with every parameter bound from {@code params}.
     *
     * @throws IllegalArgumentException when the SQL names a parameter {@code params} lacks
     */
    public PreparedStatement prepare(Connection connection, Map<String, ?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("no value for the SQL parameter :" + name);
                }
                statement.setObject(i + 1, params.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    static NamedSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') { // a literal, up to its closing quote ('' inside is an escaped quote)
                int end = i + 1;
                while (end < sql.length()
                        && !(sql.charAt(end) == '\'' && (end + 1 >= sql.length() || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }
}
