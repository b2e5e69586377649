package org.kepu.common.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.kepu.common.problem.Problem.InvalidField;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that is not JSON, or JSON of the wrong shape, becomes a 400 problem naming the field where reading stopped.
 *
 * <p>
 * Nested mappers exist because Quarkus ships built-in mappers for these exact subtypes, which would otherwise win.
 */
@Provider
public class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return toProblem(exception).toResponse();
    }

    static Problem toProblem(JsonProcessingException exception) {
        if (exception instanceof JsonParseException || !(exception instanceof JsonMappingException mapping)
                || mapping.getPath().isEmpty()) {
            return Problem.of(400, "malformed-json", "Body is not valid JSON",
                    "The request body could not be parsed as JSON: " + exception.getOriginalMessage(), null);
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (exception instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (exception instanceof InvalidFormatException invalid) {
            message = "cannot be read from " + invalid.getValue() + describeTarget(invalid.getTargetType());
        } else if (exception instanceof MismatchedInputException mismatched) {
            message = "has the wrong type" + describeTarget(mismatched.getTargetType());
        } else {
            message = "cannot be read";
        }
        return ProblemException.invalid(List.of(new InvalidField(field, message))).problem();
    }

    private static String describeTarget(Class<?> target) {
        if (target == null) {
            return "";
        }
        if (target.isEnum()) {
            return "; allowed values: " + java.util.Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "; expected " + target.getSimpleName();
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
