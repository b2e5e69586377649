package org.kepu.common.problem;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.kepu.common.json.IsoTimes;
import org.kepu.common.problem.Problem.InvalidField;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that is not JSON, or JSON of the wrong shape, becomes a 400 problem naming the field where reading stopped
 * and what it must be (the rules are {@code json.StrictJson}'s).
 *
 * <p>
 * Nested mappers exist because Quarkus ships built-in mappers for these exact subtypes, which would otherwise win.
 */
@Provider
public class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    private static final int MAX_LISTED_FIELDS = 40;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return toProblem(exception).toResponse();
    }

    /** The problem for JSON that does not bind, also for input read by hand (e.g. one item of a batch). */
    public static Problem toProblem(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(fieldOf(mapping.getPath()), mappingMessage(mapping));
        }
        if (exception instanceof StreamReadException read && read.getProcessor() != null) {
            String field = fieldOf(read.getProcessor().getParsingContext());
            if (exception instanceof InputCoercionException coercion && field != null) {
                return invalid(field, "is out of range; " + expectation(coercion.getTargetType()));
            }
            if (exception instanceof JsonParseException && field != null
                    && exception.getOriginalMessage().startsWith("Duplicate field")) {
                return invalid(field, "appears more than once");
            }
        }
        return Problem.of(400, "malformed-json", "Body is not valid JSON",
                "The request body could not be parsed as JSON: " + exception.getOriginalMessage(), null);
    }

    private static Problem invalid(String field, String message) {
        return ProblemException.invalid(List.of(new InvalidField(field, message))).problem();
    }

    private static String mappingMessage(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "is not a known field; known fields: " + known(unknown.getKnownPropertyIds());
        }
        if (exception instanceof InvalidFormatException invalid) {
            return expectation(invalid.getTargetType()) + " (got " + shown(invalid.getValue()) + ")";
        }
        if (exception instanceof MismatchedInputException mismatched) {
            if (mismatched.getOriginalMessage().startsWith("Cannot map `null`")) {
                return "is required and must not be null; " + expectation(mismatched.getTargetType());
            }
            return expectation(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    /** What a value of {@code target} must look like in JSON, in words a client developer can act on. */
    static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ", as a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class) {
            return "must be a whole number (a JSON integer, no fraction, not a string) in range";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "must be a JSON number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (target == OffsetDateTime.class) {
            return IsoTimes.RULE;
        }
        if (target == UUID.class) {
            return "must be a UUID string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord() || !target.getName().startsWith("java.")) {
            return "must be a JSON object";
        }
        return "has the wrong type";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "none";
        }
        List<String> names = ids.stream().map(String::valueOf).sorted().toList();
        return names.size() <= MAX_LISTED_FIELDS
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, MAX_LISTED_FIELDS)) + ", …";
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        return path.stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The field the parser was in, e.g. {@code themes[2]}; null at the top level. */
    private static String fieldOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.push("." + at.getCurrentName());
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Overrides Quarkus' built-in mapper for this subtype. */
    @Provider
    public static class ForParse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return toProblem(exception).toResponse();
        }
    }

    /** Overrides Quarkus' built-in mapper for this subtype. */
    @Provider
    public static class ForMismatch implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException exception) {
            return toProblem(exception).toResponse();
        }
    }
}
