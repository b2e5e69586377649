package org.kepu.common.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.kepu.common.problem.Problem.InvalidField;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/**
 * Bean Validation failures on request input become a 400 problem listing each field, named as the client sent it.
 *
 * <p>
 * Registered for Quarkus' own subclass too, because a mapper for the exact type wins over one for a supertype.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return toProblem(exception).toResponse();
    }

    static Problem toProblem(ConstraintViolationException exception) {
        return toProblem(exception.getConstraintViolations());
    }

    /** The problem for violations found by validating one input by hand (e.g. one item of a batch). */
    public static Problem toProblem(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<InvalidField> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new InvalidField(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message));
        return ProblemException.invalid(errors).problem();
    }

    /**
     * "create.request.schedule.start" (method, parameter, bean path) becomes "schedule.start": a body's fields are named
     * by their JSON path; a query or path parameter by its own name.
     */
    static String fieldName(Path path) {
        String parameter = null;
        StringBuilder beanPath = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && beanPath.length() > 0) {
                        beanPath.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        beanPath.append(beanPath.length() > 0 ? "." : "").append(node.getName());
                    }
                }
                default -> {
                    // method and return-value nodes carry no client-visible name
                }
            }
        }
        if (beanPath.length() > 0) {
            return beanPath.toString();
        }
        return parameter != null ? parameter : "body";
    }

    /** Quarkus throws its own subclass for REST endpoint validation. */
    @Provider
    public static class ForQuarkusEndpoints implements ExceptionMapper<ResteasyReactiveViolationException> {
        @Override
        public Response toResponse(ResteasyReactiveViolationException exception) {
            if (exception.getConstraintViolations().stream()
                    .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"))) {
                // A violated return value is our bug, not the client's.
                return Problem.of(500, "internal-error", "Internal error", "The server produced an invalid response", null)
                        .toResponse();
            }
            return toProblem(exception).toResponse();
        }
    }
}
