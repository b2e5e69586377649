package org.kepu.common.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that no layer forgets or changes an aggregate's field: what a request sends is held by the entity, what a
 * view, a fact or a read model shows is compared with what the entity (or the fact) holds, field by field, against an
 * explicit list of what is deliberately left out. Each service's fields tests ({@code EventFieldsTest},
 * {@code VenueFieldsTest}…, the system tests' {@code FactFieldsInReadModelsTest}) use it.
 *
 * <p>
 * Names are dotted paths: an embedded component's field is {@code certification.level}, a property of a nested JSON
 * object {@code contact.name}, and a number indexes an array ({@code sections.0.title}). A name in a left-out list
 * covers what is nested under it.
 */
public final class FieldDrift {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldDrift() {
    }

    /**
     * An entity's persistent fields by name, in declaration order, those of its mapped superclasses first (static,
     * transient and synthetic ones left out); the
     * fields of an embedded component ({@code @Embeddable}) each under {@code component.field}, null when the component
     * is.
     */
    public static Map<String, Object> fieldsOf(Object entity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        collect("", entity.getClass(), entity, fields);
        return fields;
    }

    private static void collect(String prefix, Class<?> type, Object value, Map<String, Object> fields) {
        if (type.getSuperclass() != null && isAnnotated(type.getSuperclass(), "MappedSuperclass")) {
            collect(prefix, type.getSuperclass(), value, fields); // the inherited fields (id, version…) first
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                    || field.isSynthetic() || field.getName().startsWith("$$")) {
                continue;
            }
            Object held = value == null ? null : read(field, value);
            if (isEmbeddable(field.getType())) {
                collect(prefix + field.getName() + ".", field.getType(), held, fields);
            } else {
                fields.put(prefix + field.getName(), held);
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    // By simple name, so that this module needs no persistence API of its own (its tests bring their own annotation).
    private static boolean isEmbeddable(Class<?> type) {
        return isAnnotated(type, "Embeddable");
    }

    /** Whether the class carries a JPA annotation of this simple name (this module does not depend on JPA). */
    private static boolean isAnnotated(Class<?> type, String annotationName) {
        for (Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals(annotationName)) {
                return true;
            }
        }
        return false;
    }

    /** Only the named fields of {@code fields}, in that order: those a view or fact of another aggregate repeats. */
    public static Map<String, Object> only(Map<String, ?> fields, String... names) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String name : names) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException(name + " is no field of " + fields.keySet());
            }
            chosen.put(name, fields.get(name));
        }
        return chosen;
    }

    /** A request's fields (a record's components), in order. */
    public static List<String> componentsOf(Class<? extends Record> request) {
        return Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** A test's sample request sets every field the request type has, so that a new field cannot go untested. */
    public static void assertSetsEvery(Class<? extends Record> request, Map<String, ?> sample) {
        Set<String> unset = new TreeSet<>(componentsOf(request));
        unset.removeAll(sample.keySet());
        Set<String> unknown = new TreeSet<>(sample.keySet());
        unknown.removeAll(componentsOf(request));
        assertTrue(unset.isEmpty() && unknown.isEmpty(), "the sample " + request.getSimpleName()
                + " must set every field it has; unset " + unset + ", not fields of it " + unknown);
    }

    /**
     * Each value {@code sent} (as a client sends it: text, numbers, lists, maps) is held in {@code fields} under the
     * same name, or the one {@code heldAs} gives, with the same value. Fails naming every value lost or changed.
     *
     * @param where what holds the fields, for the failure message: "the stored venue"
     */
    public static void assertHolds(String where, Map<String, ?> sent, Map<String, ?> fields,
            Map<String, String> heldAs) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> value : sent.entrySet()) {
            String name = heldAs.getOrDefault(value.getKey(), value.getKey());
            if (!fields.containsKey(name)) {
                problems.add(value.getKey() + " has no field " + name + " to be held in");
            } else if (!same(fields.get(name), JSON.valueToTree(value.getValue()))) {
                problems.add(value.getKey() + ": sent " + value.getValue() + ", held " + fields.get(name));
            }
        }
        assertTrue(problems.isEmpty(), where + ": " + problems);
    }

    /**
     * Each of {@code fields} is in {@code shown} with the same value ({@link #same}), or named in {@code leftOut};
     * never both. Fails naming every field that breaks this.
     *
     * @param where what {@code shown} is, for the failure message: "the public view", "the published fact"
     */
    public static void assertCarries(String where, JsonNode shown, Map<String, ?> fields, Set<String> leftOut) {
        assertCarries(where, shown, fields, Map.of(), leftOut);
    }

    /**
     * As {@link #assertCarries(String, JsonNode, Map, Set)}, where {@code shownAs} names the fields {@code shown} has
     * under another name or in a nested object (by path: {@code id} shown as {@code registrationId}, {@code
     * contactName} as {@code contact.name}). A left-out or renamed field the entity does not have fails too: the lists
     * stay true as the entity changes.
     */
    public static void assertCarries(String where, JsonNode shown, Map<String, ?> fields, Map<String, String> shownAs,
            Set<String> leftOut) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String name = field.getKey();
            String path = shownAs.getOrDefault(name, name);
            JsonNode value = at(shown, path);
            String as = path.equals(name) ? "" : " (as " + path + ")";
            if (isNamed(leftOut, name)) {
                if (shownAs.containsKey(name)) {
                    problems.add(name + " is named both as left out and as shown as " + path);
                } else if (value != null) {
                    problems.add(name + " is named as left out, yet shown");
                }
            } else if (value == null) {
                problems.add(name + as + " is missing (show it, or name it as left out)");
            } else if (!same(field.getValue(), value)) {
                problems.add(name + as + ": held " + field.getValue() + ", shown " + value);
            }
        }
        Set<String> named = new LinkedHashSet<>(leftOut);
        named.addAll(shownAs.keySet());
        for (String name : named) {
            if (fields.keySet().stream().noneMatch(field -> field.equals(name) || field.startsWith(name + "."))) {
                problems.add(name + " is named in a list but is no field (drop it from the list)");
            }
        }
        assertTrue(problems.isEmpty(), where + ": " + problems);
    }

    /**
     * A read model keeps a fact: each property of {@code fact} (nested objects by path) is in {@code row} under its
     * column with the same value, or named in {@code leftOut}, never both; and each column of the row comes from a
     * property of the fact, unless it is the model's own bookkeeping. Fails naming every property and column that
     * breaks this.
     *
     * @param columns where a property's column is not its path in snake case ({@code updatedAt}: {@code updated_at};
     *        {@code stop.setting}: {@code stop_setting}): a property's own column ({@code id}: {@code venue_id}), or for
     *        a nested object the prefix of its properties' columns ({@code certification}: {@code cert_}, so
     *        {@code certification.validUntil} is kept as {@code cert_valid_until})
     */
    public static void assertKeeps(String where, JsonNode fact, Map<String, ?> row, Map<String, String> columns,
            Set<String> leftOut, Set<String> bookkeeping) {
        List<String> problems = new ArrayList<>();
        Set<String> fromFact = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> property : leaves(fact).entrySet()) {
            String name = property.getKey();
            String column = columnOf(name, columns);
            fromFact.add(column);
            boolean kept = row.containsKey(column);
            if (isNamed(leftOut, name)) {
                if (kept) {
                    problems.add(name + " is named as left out, yet kept as " + column);
                }
            } else if (!kept) {
                problems.add(name + " is not kept (add column " + column + ", or name it as left out with why)");
            } else if (!same(row.get(column), property.getValue())) {
                problems.add(name + ": fact " + property.getValue() + ", read model " + row.get(column));
            }
        }
        for (String column : row.keySet()) {
            if (!bookkeeping.contains(column) && !fromFact.contains(column)) {
                problems.add("column " + column + " has no property in the fact to come from");
            }
        }
        assertTrue(problems.isEmpty(), where + ": " + problems);
    }

    /** The value at a dotted path (numbers index arrays); null when there is none. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode at = node;
        for (String step : path.split("\\.")) {
            if (at == null) {
                return null;
            }
            at = at.isArray() && step.chars().allMatch(Character::isDigit)
                    ? at.get(Integer.parseInt(step))
                    : at.get(step);
        }
        return at;
    }

    /** A JSON object's values by dotted path, nested objects opened (arrays are values). */
    private static Map<String, JsonNode> leaves(JsonNode object) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                leaves(field.getValue()).forEach((path, value) -> leaves.put(field.getKey() + "." + path, value));
            } else {
                leaves.put(field.getKey(), field.getValue());
            }
        }
        return leaves;
    }

    private static String columnOf(String path, Map<String, String> columns) {
        if (columns.containsKey(path)) {
            return columns.get(path);
        }
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            String object = path.substring(0, dot);
            if (columns.containsKey(object)) {
                return columns.get(object) + snakeCase(path.substring(dot + 1));
            }
        }
        return snakeCase(path);
    }

    private static String snakeCase(String path) {
        return path.replace('.', '_').replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    private static boolean isNamed(Set<String> names, String path) {
        for (String name : names) {
            if (path.equals(name) || path.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a JSON value says the same as a Java one: times as instants (whatever the offset shown), numbers by
     * value, enums by name, lists and arrays element by element as text, maps entry by entry, null only as null or
     * absent.
     */
    public static boolean same(Object value, JsonNode json) {
        if (value == null || json == null || json.isNull()) {
            return value == null && (json == null || json.isNull());
        }
        if (value instanceof JsonNode node) {
            return node.equals(json);
        }
        if (value instanceof OffsetDateTime time) {
            return json.isTextual() && OffsetDateTime.parse(json.asText()).toInstant().equals(time.toInstant());
        }
        if (value instanceof Instant instant) {
            return json.isTextual() && OffsetDateTime.parse(json.asText()).toInstant().equals(instant);
        }
        if (value instanceof Number number) {
            return json.isNumber() && json.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        if (value instanceof Boolean flag) {
            return json.isBoolean() && json.asBoolean() == flag;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return same(list, json);
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            json.forEach(element -> texts.add(element.asText()));
            return json.isArray() && texts.equals(list.stream().map(Object::toString).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return json.isObject() && json.size() == map.size() && map.entrySet().stream()
                    .allMatch(entry -> same(entry.getValue(), json.get(String.valueOf(entry.getKey()))));
        }
        return json.isTextual() && json.asText().equals(value instanceof Enum<?> e ? e.name() : value.toString());
    }
}
