package org.kepu.common.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void numbersEachNamedParameterInOrderAndKeepsRepeats() {
        NamedSql sql = NamedSql.parse("SELECT 1 FROM t WHERE a = :a AND b < :limit2 OR a > :a");

        assertEquals("SELECT 1 FROM t WHERE a = ? AND b < ? OR a > ?", sql.jdbcSql());
        assertEquals(List.of("a", "limit2", "a"), sql.names());
    }

    @Test
    void leavesCastsAndQuotedTextAlone() {
        NamedSql sql = NamedSql.parse("SELECT x::text, 'it''s :not' FROM t WHERE r && tstzrange(:from, NULL, '[]')"
                + " AND y = CAST(:y AS int)");

        assertEquals("SELECT x::text, 'it''s :not' FROM t WHERE r && tstzrange(?, NULL, '[]') AND y = CAST(? AS int)",
                sql.jdbcSql());
        assertEquals(List.of("from", "y"), sql.names());
    }

    @Test
    void aColonNotFollowedByANameIsText() {
        NamedSql sql = NamedSql.parse("SELECT a[1:2], ': ' FROM t");

        assertEquals("SELECT a[1:2], ': ' FROM t", sql.jdbcSql());
        assertEquals(List.of(), sql.names());
    }

    @Test
    void parsesEachDistinctTextOnce() {
        String text = "SELECT :only";

        assertSame(NamedSql.of(text), NamedSql.of(new String(text)));
    }
}
