package org.kepu.common.asyncapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 7, as AsyncAPI's schema object) of fact records, derived from their components so that the
 * record stays the one definition of a fact's {@code data}: each component is a property, typed as Jackson writes it.
 * <p>
 * Nullability comes from the record too: a primitive or a {@code @NotNull} component is required and never null; any
 * other is nullable, and under {@code @JsonInclude(NON_NULL)} (on the record or the component) it is left out rather
 * than written as null, so it is optional and, when present, not null. A {@code @Schema(description = …)} on a
 * component becomes its description.
 */
final class FactSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Where the schemas of records live in the document. */
    static final String COMPONENTS = "#/components/schemas/";

    private final SortedMap<String, ObjectNode> components = new TreeMap<>();

    /** The schemas of every record met so far, by name. */
    SortedMap<String, ObjectNode> components() {
        return components;
    }

    /** A reference to the record's schema, which is added to {@link #components()} with those of its parts. */
    ObjectNode reference(Class<?> record) {
        String name = nameOf(record);
        if (!components.containsKey(name)) {
            components.put(name, JSON.objectNode()); // before its components: a record may contain itself
            components.put(name, recordSchema(record));
        }
        return JSON.objectNode().put("$ref", COMPONENTS + name);
    }

    /** A record's name in the document: nested records are prefixed with the records they are in. */
    static String nameOf(Class<?> record) {
        Class<?> outer = record.getEnclosingClass();
        return outer != null && outer.isRecord() ? nameOf(outer) + record.getSimpleName() : record.getSimpleName();
    }

    private ObjectNode recordSchema(Class<?> record) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        boolean leftOutWhenNull = omitsNulls(record.getAnnotation(JsonInclude.class));
        for (RecordComponent component : record.getRecordComponents()) {
            ObjectNode property = schema(component.getGenericType());
            boolean neverNull = component.getType().isPrimitive() || component.getAccessor().isAnnotationPresent(
                    NotNull.class);
            boolean omitted = leftOutWhenNull || omitsNulls(component.getAccessor().getAnnotation(JsonInclude.class));
            if (neverNull || !omitted) {
                required.add(component.getName());
            }
            if (!neverNull && !omitted) {
                property = nullable(property);
            }
            Schema described = component.getAccessor().getAnnotation(Schema.class);
            if (described != null && !described.description().isEmpty()) {
                property.put("description", described.description());
            }
            properties.set(component.getName(), property);
        }
        schema.set("required", required);
        return schema;
    }

    private static boolean omitsNulls(JsonInclude include) {
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    /** The schema of a value of {@code type} as Jackson writes it. */
    private ObjectNode schema(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", schema(arguments[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", schema(arguments[1]));
                return map;
            }
        }
        if (!(type instanceof Class<?> value)) {
            throw new IllegalArgumentException("A fact cannot be described with a component of type " + type);
        }
        if (value == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (value == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (value == OffsetDateTime.class || value == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (value == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (value == int.class || value == Integer.class || value == long.class || value == Long.class
                || value == short.class || value == Short.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (value == double.class || value == Double.class || value == float.class || value == Float.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (value == boolean.class || value == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (value.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode names = schema.putArray("enum");
            for (Object constant : value.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (value.isArray()) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", schema(value.getComponentType()));
            return array;
        }
        if (value.isRecord()) {
            return reference(value);
        }
        throw new IllegalArgumentException("A fact cannot be described with a component of type " + value.getName());
    }

    /** The schema that also allows null: the type gains "null" (and an enumeration null), a reference an alternative. */
    private static ObjectNode nullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            ObjectNode either = JSON.objectNode();
            either.putArray("oneOf").add(schema).addObject().put("type", "null");
            return either;
        }
        schema.putArray("type").add(type.asText()).add("null");
        if (schema.get("enum") instanceof ArrayNode names) {
            names.addNull();
        }
        return schema;
    }
}
