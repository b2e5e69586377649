package org.kepu.common.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Query;
import jakarta.persistence.Transient;

/**
 * An entity's (or a read-model record's) columns as its mapping declares them, for the paths that reach the table
 * without Hibernate's unit of work: a search page read by plain JDBC, and the project's one batch writer — a partner's
 * events, a batch of facts in the outbox, the change feed's rows, a read model's upserts — each one statement for a
 * whole batch. The class's fields stay the one list: the select list, the row reader, the batch insert and upsert are
 * all derived from them, and every column is read by its name, so a field added to the class is read and written here
 * without another change.
 *
 * <p>
 * A column is a non-static, non-transient field; its name is {@code @Column(name)} or the field's name in snake case
 * (Quarkus' naming strategy). Fields with {@code @Column(insertable = false)} or a generated value are read but never
 * inserted (their defaults apply). A field of a type this class cannot convert fails at {@link #of}, not on the first
 * row. A record can be written but not read (it has no constructor without arguments to read into).
 *
 * @param <T> the entity or record
 */
public final class EntityColumns<T> {

    /** How a Java type travels to and from PostgreSQL. */
    private enum Kind {
        UUID("uuid", java.util.UUID.class), TEXT("text", String.class), ENUM("text", String.class), TEXT_LIST("text[]",
                List.class), TIMESTAMPTZ("timestamptz", OffsetDateTime.class), FLOAT8("float8", Double.class), INT("int",
                        Integer.class), BIGINT("bigint", Long.class), BOOLEAN("boolean", Boolean.class);

        final String sqlType;
        /** The class the JDBC driver is asked for. */
        final Class<?> javaType;

        Kind(String sqlType, Class<?> javaType) {
            this.sqlType = sqlType;
            this.javaType = javaType;
        }
    }

    /** One mapped field and its column. */
    private record Mapped(String column, Field field, Kind kind, boolean insertable) {
    }

    private final Class<T> entity;
    private final List<Mapped> columns;
    private final List<Mapped> inserted;

    private EntityColumns(Class<T> entity) {
        this.entity = entity;
        List<Mapped> mapped = new ArrayList<>();
        for (Field field : fieldsOf(entity)) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                    || field.getName().startsWith("$$") || field.isAnnotationPresent(Transient.class)) {
                continue;
            }
            field.setAccessible(true);
            Column column = field.getAnnotation(Column.class);
            String name = column != null && !column.name().isEmpty() ? column.name() : snakeCase(field.getName());
            boolean insertable = (column == null || column.insertable())
                    && !field.isAnnotationPresent(GeneratedValue.class);
            mapped.add(new Mapped(name, field, kindOf(field), insertable));
        }
        this.columns = List.copyOf(mapped);
        this.inserted = mapped.stream().filter(Mapped::insertable).toList();
    }

    /** The class's fields and those it inherits from mapped superclasses, the inherited first. */
    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.getSuperclass() != null && type.getSuperclass().isAnnotationPresent(MappedSuperclass.class)) {
            fields.addAll(fieldsOf(type.getSuperclass()));
        }
        fields.addAll(Arrays.asList(type.getDeclaredFields()));
        return fields;
    }

    /** The columns of {@code entity}; build once and keep (it reflects over the class). */
    public static <T> EntityColumns<T> of(Class<T> entity) {
        return new EntityColumns<>(entity);
    }

    /** The names of every mapped column, in the entity's field order. */
    public List<String> names() {
        return columns.stream().map(Mapped::column).toList();
    }

    /** The select list of every mapped column, qualified by {@code alias}: {@code e.id, e.title_zh, …}. */
    public String select(String alias) {
        return columns.stream().map(m -> alias + "." + m.column()).collect(Collectors.joining(", "));
    }

    /**
     * Reads entities from the rows of {@code rows}: each column is found by name once, here, so a statement may select
     * other columns too, in any order.
     */
    public Reader<T> reader(ResultSet rows) throws SQLException {
        Constructor<T> constructor;
        try {
            constructor = entity.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(entity.getName() + " has no constructor without arguments to read into", e);
        }
        int[] indexes = new int[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = rows.findColumn(columns.get(i).column());
        }
        return new Reader<>(this, constructor, rows, indexes);
    }

    /** Reads one entity per row, its columns found by name when the reader was made. */
    public static final class Reader<T> {
        private final EntityColumns<T> columns;
        private final Constructor<T> constructor;
        private final ResultSet rows;
        private final int[] indexes;

        private Reader(EntityColumns<T> columns, Constructor<T> constructor, ResultSet rows, int[] indexes) {
            this.columns = columns;
            this.constructor = constructor;
            this.rows = rows;
            this.indexes = indexes;
        }

        /** The entity in the current row: a detached instance that no session manages. */
        public T read() throws SQLException {
            return columns.read(constructor, rows, indexes);
        }
    }

    private T read(Constructor<T> constructor, ResultSet row, int[] indexes) throws SQLException {
        T entity;
        try {
            entity = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + constructor.getDeclaringClass().getName(), e);
        }
        for (int i = 0; i < indexes.length; i++) {
            Mapped mapped = columns.get(i);
            try {
                set(entity, mapped, row, indexes[i]);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + mapped.field(), e);
            }
        }
        return entity;
    }

    private static void set(Object entity, Mapped mapped, ResultSet row, int c)
            throws SQLException, IllegalAccessException {
        Field field = mapped.field();
        // A primitive field's column is NOT NULL: Field.set unboxes the value the driver gives.
        Object value = switch (mapped.kind()) {
            case ENUM -> enumValue(field.getType(), row.getString(c));
            case TEXT_LIST -> strings(row.getArray(c));
            default -> row.getObject(c, mapped.kind().javaType);
        };
        field.set(entity, value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return name == null ? null : Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    /**
     * Inserts many rows into {@code table} in one statement, in the order given (an identity or serial column numbers
     * them in that order), parameters {@code ?1 … ?n} from {@link #insertParameters}: each column's values travel as one
     * array and are unnested in step. A list column travels as its array literal (arrays of arrays do not unnest row by
     * row) and is cast back per row.
     */
    public String insertAll(String table) {
        return "INSERT INTO " + table + " (" + insertedNames() + ") " + selectUnnested();
    }

    /**
     * As {@link #insertAll}, but a row whose {@code key} is already stored replaces it only where {@code condition}
     * holds (e.g. {@code event_summary.version < EXCLUDED.version}, so an older fact never overwrites a newer one), and
     * sets each of {@code stampedNow} to the statement's time when it does. One statement may not touch a row twice:
     * the rows given must have distinct keys.
     */
    public String upsertAll(String table, String key, String condition, String... stampedNow) {
        StringBuilder updates = new StringBuilder();
        for (Mapped mapped : inserted) {
            if (!mapped.column().equals(key)) {
                updates.append(updates.isEmpty() ? "" : ", ").append(mapped.column()).append(" = EXCLUDED.")
                        .append(mapped.column());
            }
        }
        for (String stamped : stampedNow) {
            updates.append(", ").append(stamped).append(" = now()");
        }
        return insertAll(table) + " ON CONFLICT (" + key + ") DO UPDATE SET " + updates + " WHERE " + condition;
    }

    /** Runs {@link #insertAll} or {@link #upsertAll}'s statement for {@code rows}; answers how many rows it wrote. */
    public int write(EntityManager entityManager, String statement, List<T> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Query query = entityManager.createNativeQuery(statement);
        List<String[]> parameters = insertParameters(rows);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.executeUpdate();
    }

    private String insertedNames() {
        return inserted.stream().map(Mapped::column).collect(Collectors.joining(", "));
    }

    private String selectUnnested() {
        String values = inserted.stream()
                .map(m -> m.kind() == Kind.TEXT_LIST
                        ? "CAST(r." + m.column() + " AS " + m.kind().sqlType + ")"
                        : "r." + m.column())
                .collect(Collectors.joining(", "));
        String arrays = IntStream.range(0, inserted.size())
                .mapToObj(i -> "CAST(?" + (i + 1) + " AS "
                        + (inserted.get(i).kind() == Kind.TEXT_LIST ? "text" : inserted.get(i).kind().sqlType) + "[])")
                .collect(Collectors.joining(", "));
        // WITH ORDINALITY: the rows go in in the order given, which an outbox's relay order depends on.
        return "SELECT " + values + " FROM unnest(" + arrays + ") WITH ORDINALITY AS r(" + insertedNames()
                + ", kepu_row) ORDER BY r.kepu_row";
    }

    /** The parameters of {@link #insertAll} for these entities: one text array per inserted column, in order. */
    public List<String[]> insertParameters(List<T> entities) {
        List<String[]> parameters = new ArrayList<>(inserted.size());
        for (Mapped mapped : inserted) {
            String[] values = new String[entities.size()];
            for (int i = 0; i < values.length; i++) {
                try {
                    values[i] = text(mapped.field().get(entities.get(i)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + mapped.field(), e);
                }
            }
            parameters.add(values);
        }
        return parameters;
    }

    /** A value as PostgreSQL reads it from text; a list as an array literal, every element quoted. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> list) {
            StringBuilder literal = new StringBuilder("{");
            for (Object element : list) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"');
                String string = element instanceof Enum<?> constant ? constant.name() : element.toString();
                for (int i = 0; i < string.length(); i++) {
                    char c = string.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
            return literal.append('}').toString();
        }
        return value.toString();
    }

    private static Kind kindOf(Field field) {
        Class<?> type = field.getType();
        if (type == UUID.class) {
            return Kind.UUID;
        }
        if (type == String.class) {
            return Kind.TEXT;
        }
        if (type.isEnum()) {
            return Kind.ENUM;
        }
        if (type == List.class && field.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                && list.getActualTypeArguments()[0] == String.class) {
            return Kind.TEXT_LIST;
        }
        if (type == OffsetDateTime.class) {
            return Kind.TIMESTAMPTZ;
        }
        if (type == Double.class || type == double.class) {
            return Kind.FLOAT8;
        }
        if (type == Integer.class || type == int.class) {
            return Kind.INT;
        }
        if (type == Long.class || type == long.class) {
            return Kind.BIGINT;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.BOOLEAN;
        }
        throw new IllegalArgumentException(field + ": a column of type " + type.getName()
                + " is not one EntityColumns reads or writes; add its conversion here");
    }

    private static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
