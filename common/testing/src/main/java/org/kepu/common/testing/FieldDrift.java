package org.kepu.common.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that no layer forgets or changes an aggregate's field: what a view, a fact or a read model shows is compared
 * with what the entity holds, field by field, against an explicit list of what is deliberately left out. Each
 * service's fields test ({@code EventFieldsTest}, the system tests' {@code FactFieldsInReadModelsTest}) uses it.
 */
public final class FieldDrift {

    private FieldDrift() {
    }

    /** An entity's persistent fields by name, in declaration order (static, transient and synthetic ones left out). */
    public static Map<String, Object> fieldsOf(Object entity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Field field : entity.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                    || field.isSynthetic() || field.getName().startsWith("$$")) {
                continue;
            }
            try {
                field.setAccessible(true);
                fields.put(field.getName(), field.get(entity));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
        }
        return fields;
    }

    /**
     * Each of {@code fields} is in {@code shown} with the same value ({@link #same}), or named in {@code leftOut};
     * never both. Fails naming every field that breaks this.
     *
     * @param where what {@code shown} is, for the failure message: "the public view", "the published fact"
     */
    public static void assertCarries(String where, JsonNode shown, Map<String, ?> fields, Set<String> leftOut) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String name = field.getKey();
            boolean has = shown.has(name);
            if (leftOut.contains(name)) {
                if (has) {
                    problems.add(name + " is named as left out, yet shown");
                }
            } else if (!has) {
                problems.add(name + " is missing (show it, or name it as left out)");
            } else if (!same(field.getValue(), shown.get(name))) {
                problems.add(name + ": held " + field.getValue() + ", shown " + shown.get(name));
            }
        }
        assertTrue(problems.isEmpty(), where + ": " + problems);
    }

    /**
     * Whether a JSON value says the same as a Java one: times as instants (whatever the offset shown), numbers by
     * value, enums by name, lists element by element as text, null only as null or absent.
     */
    public static boolean same(Object value, JsonNode json) {
        if (value == null || json == null || json.isNull()) {
            return value == null && (json == null || json.isNull());
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
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            json.forEach(element -> texts.add(element.asText()));
            return json.isArray() && texts.equals(list.stream().map(Object::toString).toList());
        }
        return json.isTextual() && json.asText().equals(value instanceof Enum<?> e ? e.name() : value.toString());
    }
}
