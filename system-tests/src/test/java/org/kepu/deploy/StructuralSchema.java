package org.kepu.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a custom resource against its CRD's openAPIV3Schema as the API server reads it with strict field validation
 * ({@code kubectl apply --validate=strict}): a field the schema does not declare is an error (the server would prune
 * it), not the "additional properties allowed" of plain JSON Schema, which is why no JSON Schema library is used. It
 * knows the keywords of Kubernetes' structural schemas and fails on any other, so a schema it cannot fully check is
 * never passed silently. CEL rules ({@code x-kubernetes-validations}) are not evaluated: the test checks the rules
 * that concern the fields it uses. The resource's {@code metadata} is left to the caller, as the API server checks it
 * as ObjectMeta whatever the CRD says.
 */
final class StructuralSchema {

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "items", "required", "additionalProperties",
            "enum", "pattern", "format", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
            "anyOf", "oneOf", "allOf", "default", "example", "nullable", "x-kubernetes-int-or-string",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
            "x-kubernetes-validations", "x-kubernetes-embedded-resource");

    private final JsonNode root;

    StructuralSchema(JsonNode openApiV3Schema) {
        this.root = openApiV3Schema;
    }

    /** Every violation, each with its path in the manifest ("spec.backup.retentionPolicy: …"); empty when valid. */
    List<String> violations(JsonNode manifest) {
        List<String> found = new ArrayList<>();
        check(root, manifest, "", found, true);
        return found;
    }

    /**
     * @param strict false inside anyOf/oneOf/allOf branches: those hold value checks only (which fields are required,
     *               which values allowed), so a branch neither declares every field nor needs a type
     */
    private void check(JsonNode schema, JsonNode value, String path, List<String> found, boolean strict) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext();) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalStateException("schema keyword " + keyword + " at " + path + " is not checked");
            }
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                found.add(path + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                found.add(path + ": must be an integer or a string");
            } else if (value.isTextual()) {
                checkString(schema, value.asText(), path, found);
            }
            return;
        }
        checkBranches(schema, value, path, found);
        if (schema.has("anyOf") && !schema.has("type")) {
            return; // the branches declared the types (checked above)
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(schema, value, path, found, strict);
            case "array" -> checkArray(schema, value, path, found, strict);
            case "string" -> {
                if (value.isTextual()) {
                    checkString(schema, value.asText(), path, found);
                } else {
                    found.add(path + ": must be a string, is " + value);
                }
            }
            case "integer" -> {
                if (value.isIntegralNumber()) {
                    checkBounds(schema, value.asLong(), path, found);
                } else {
                    found.add(path + ": must be an integer, is " + value);
                }
            }
            case "number" -> {
                if (value.isNumber()) {
                    checkBounds(schema, value.asDouble(), path, found);
                } else {
                    found.add(path + ": must be a number, is " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    found.add(path + ": must be a boolean, is " + value);
                }
            }
            case "" -> {
                if (schema.has("properties") || schema.has("required")) {
                    checkObject(schema, value, path, found, strict);
                } else if (strict && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    throw new IllegalStateException("schema at " + path + " declares no type");
                }
            }
            default -> throw new IllegalStateException("schema type " + type + " at " + path + " is not checked");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                found.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    /** anyOf: one branch at least; oneOf: exactly one; allOf: every one (structural schemas' value checks). */
    private void checkBranches(JsonNode schema, JsonNode value, String path, List<String> found) {
        for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (!schema.has(combinator)) {
                continue;
            }
            int matching = 0;
            for (JsonNode branch : schema.get(combinator)) {
                List<String> branchFound = new ArrayList<>();
                check(branch, value, path, branchFound, false);
                matching += branchFound.isEmpty() ? 1 : 0;
            }
            int branches = schema.get(combinator).size();
            boolean ok = switch (combinator) {
                case "anyOf" -> matching >= 1;
                case "oneOf" -> matching == 1;
                default -> matching == branches;
            };
            if (!ok) {
                found.add(path + ": " + matching + " of " + combinator + " " + schema.get(combinator) + " match");
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String path, List<String> found, boolean strict) {
        if (!value.isObject()) {
            found.add(path + ": must be an object, is " + value);
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                found.add(join(path, required.asText()) + ": is required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = join(path, field.getKey());
            if (path.isEmpty() && field.getKey().equals("metadata")) {
                // The API server checks a resource's metadata as ObjectMeta whatever the CRD says (the schema has
                // only "type: object" there); the caller reads it with fabric8's ObjectMeta.
                continue;
            }
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at, found, strict);
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), at, found, strict);
            } else if (strict && !preserve && !(additional != null && additional.asBoolean(false))) {
                found.add(at + ": unknown field (the schema declares " + names(properties) + ")");
            }
        }
    }

    private void checkArray(JsonNode schema, JsonNode value, String path, List<String> found, boolean strict) {
        if (!value.isArray()) {
            found.add(path + ": must be a list, is " + value);
            return;
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            found.add(path + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            found.add(path + ": more than " + schema.get("maxItems") + " items");
        }
        String listType = schema.path("x-kubernetes-list-type").asText("atomic");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (schema.has("items")) {
                check(schema.get("items"), item, path + "[" + i + "]", found, strict);
            }
            String key = switch (listType) {
                case "set" -> item.toString();
                case "map" -> {
                    StringBuilder mapKey = new StringBuilder();
                    schema.path("x-kubernetes-list-map-keys").forEach(k -> mapKey.append(item.path(k.asText())).append('/'));
                    yield mapKey.toString();
                }
                default -> null;
            };
            if (key != null && !keys.add(key)) {
                found.add(path + "[" + i + "]: repeats " + key + " in a list of unique items");
            }
        }
    }

    private static void checkString(JsonNode schema, String text, String path, List<String> found) {
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            found.add(path + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
            found.add(path + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
            found.add(path + ": longer than " + schema.get("maxLength"));
        }
    }

    private static void checkBounds(JsonNode schema, double number, String path, List<String> found) {
        if (schema.has("minimum") && number < schema.get("minimum").asDouble()) {
            found.add(path + ": " + number + " is below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && number > schema.get("maximum").asDouble()) {
            found.add(path + ": " + number + " is above " + schema.get("maximum"));
        }
        if ("int32".equals(schema.path("format").asText()) && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            found.add(path + ": " + number + " does not fit int32");
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
