package org.kepu.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class EntityColumnsTest {

    enum Colour {
        RED, GREEN
    }

    /** An entity of every kind of column EntityColumns converts. */
    static class Sample {
        static final String NOT_A_COLUMN = "static";
        public UUID id;
        @Column(name = "title_zh")
        public String titleZh;
        public String streetAddress;
        public Colour colour;
        public List<String> tags = new ArrayList<>();
        public OffsetDateTime startsAt;
        public Double latitude;
        public int seats;
        @Column(name = "seats_left", insertable = false, updatable = false)
        public int seatsLeft;
        public boolean open;
        public long version;
        @Transient
        public String shownOnly;
        transient String cache;
    }

    static class Unsupported {
        public BigDecimal price;
    }

    private final EntityColumns<Sample> columns = EntityColumns.of(Sample.class);

    @Test
    void everyPersistentFieldIsAColumnNamedByItsAnnotationOrInSnakeCase() {
        assertEquals(List.of("id", "title_zh", "street_address", "colour", "tags", "starts_at", "latitude", "seats",
                "seats_left", "open", "version"), columns.names());
        assertEquals("s.id, s.title_zh, s.street_address, s.colour, s.tags, s.starts_at, s.latitude, s.seats,"
                + " s.seats_left, s.open, s.version", columns.select("s"));
    }

    @Test
    void theBatchInsertLeavesOutColumnsThatAreNotInsertableAndCastsEachArrayToItsType() {
        String sql = columns.insertAll("sample");
        assertTrue(sql.startsWith("INSERT INTO sample (id, title_zh, street_address, colour, tags, starts_at, latitude,"
                + " seats, open, version) SELECT r.id, r.title_zh, r.street_address, r.colour, CAST(r.tags AS text[]),"),
                sql);
        assertTrue(sql.contains("FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]),"
                + " CAST(?4 AS text[]), CAST(?5 AS text[]), CAST(?6 AS timestamptz[]), CAST(?7 AS float8[]),"
                + " CAST(?8 AS int[]), CAST(?9 AS boolean[]), CAST(?10 AS bigint[]))"), sql);
        assertTrue(sql.endsWith("WITH ORDINALITY AS r(id, title_zh, street_address, colour, tags, starts_at, latitude,"
                + " seats, open, version, kepu_row) ORDER BY r.kepu_row"), sql);
    }

    /** A read-model row as a record, with a generated sequence number the table gives. */
    record Summary(@Column(name = "event_id") UUID id, long version, List<String> themes,
            @GeneratedValue Long seq) {
    }

    /** An entity whose identity, version and timestamps come from the shared superclass. */
    static class Inheriting extends VersionedEntity {
        public String name;
    }

    @Test
    void anEntityReadsAndWritesTheColumnsItInheritsBeforeItsOwn() {
        EntityColumns<Inheriting> inheriting = EntityColumns.of(Inheriting.class);
        assertEquals(List.of("id", "created_at", "updated_at", "version", "name"), inheriting.names());
        assertTrue(inheriting.insertAll("inheriting")
                .startsWith("INSERT INTO inheriting (id, created_at, updated_at, version, name) SELECT"));
    }

    @Test
    void theBatchUpsertReplacesEveryColumnButTheKeyOnlyWhereTheConditionHoldsAndStampsTheTime() {
        String sql = EntityColumns.of(Summary.class).upsertAll("summary", "event_id", "summary.version < EXCLUDED.version",
                "updated_at");
        assertTrue(sql.startsWith("INSERT INTO summary (event_id, version, themes) SELECT"), sql);
        assertTrue(sql.endsWith(" ON CONFLICT (event_id) DO UPDATE SET version = EXCLUDED.version, themes ="
                + " EXCLUDED.themes, updated_at = now() WHERE summary.version < EXCLUDED.version"), sql);
    }

    @Test
    void aRecordIsWrittenFromItsComponentsAndAGeneratedColumnIsLeftToTheTable() {
        UUID id = UUID.fromString("6f1c8f1e-6a43-4c38-9b5e-0a1d2c3b4a59");
        List<String[]> parameters = EntityColumns.of(Summary.class)
                .insertParameters(List.of(new Summary(id, 4, List.of("AI"), 9L)));
        assertEquals(List.of(id.toString(), "4", "{\"AI\"}"),
                parameters.stream().map(values -> values[0]).toList());
    }

    @Test
    void parametersAreOneTextArrayPerInsertedColumnInTheSameOrder() {
        Sample sample = new Sample();
        sample.id = UUID.fromString("6f1c8f1e-6a43-4c38-9b5e-0a1d2c3b4a59");
        sample.titleZh = "科普讲座";
        sample.colour = Colour.GREEN;
        sample.tags = List.of("AI", "a \"quoted\" \\ tag");
        sample.startsAt = OffsetDateTime.parse("2026-05-18T09:00+08:00");
        sample.seats = 30;
        sample.seatsLeft = 7;
        sample.open = true;
        sample.version = 3;
        List<String[]> parameters = columns.insertParameters(List.of(sample));
        assertEquals(10, parameters.size());
        assertEquals(List.of("6f1c8f1e-6a43-4c38-9b5e-0a1d2c3b4a59", "科普讲座", "<null>", "GREEN",
                "{\"AI\",\"a \\\"quoted\\\" \\\\ tag\"}", "2026-05-18T09:00+08:00", "<null>", "30", "true", "3"),
                parameters.stream().map(values -> values[0] == null ? "<null>" : values[0]).toList());
    }

    @Test
    void aFieldOfATypeItCannotConvertFailsWhenTheColumnsAreBuiltNotOnTheFirstRow() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EntityColumns.of(Unsupported.class));
        assertTrue(refused.getMessage().contains("price"), refused.getMessage());
    }

    @Property(tries = 500, seed = "20261207")
    void aListsArrayLiteralReadsBackAsTheSameList(@ForAll List<String> elements) {
        List<String> safe = elements.stream().filter(e -> e.indexOf('\0') < 0).toList();
        assertEquals(safe, parseArrayLiteral(EntityColumns.text(safe)));
    }

    /** PostgreSQL's reading of an array literal whose every element is double-quoted. */
    private static List<String> parseArrayLiteral(String literal) {
        assertTrue(literal.startsWith("{") && literal.endsWith("}"), literal);
        List<String> elements = new ArrayList<>();
        StringBuilder element = null;
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (element == null) {
                if (c == '"') {
                    element = new StringBuilder();
                } else {
                    assertEquals(',', c, literal);
                }
            } else if (c == '\\') {
                element.append(literal.charAt(++i));
            } else if (c == '"') {
                elements.add(element.toString());
                element = null;
            } else {
                element.append(c);
            }
        }
        return elements;
    }
}
