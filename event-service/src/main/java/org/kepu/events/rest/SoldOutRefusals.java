package org.kepu.events.rest;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.kepu.common.problem.ConstraintViolationMapper;
import org.kepu.common.problem.JsonInputMapper;
import org.kepu.common.problem.Problem;
import org.kepu.common.problem.Problem.InvalidField;
import org.kepu.common.problem.ProblemException;
import org.kepu.events.domain.EventSeats;
import org.kepu.events.service.RecentSeats;
import org.kepu.events.service.RegistrationRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a registration for an event this replica knows to have no seat left on the event loop, before JAX-RS. In a
 * 科普日 rush nearly every attempt after the first second meets a full event, and {@link RegistrationResource} would
 * refuse it from {@link RecentSeats} anyway; here the answer costs the parse of a small body instead of the whole
 * resource pipeline (routing, filters, the exception mapper, a worker thread), which was three quarters of a
 * refusal's CPU.
 *
 * <p>
 * The answers are the resource's, in its order: a body that is not JSON, or not a valid {@link RegistrationRequest},
 * gets the 400 the resource's mappers give ({@link JsonInputMapper}, {@link ConstraintViolationMapper}), a valid one
 * the 409 {@code event-full} the resource gives. Whatever the resource might answer otherwise goes on to it
 * untouched, decided before the body is read: a retry carrying an Idempotency-Key (its first answer comes before
 * anything else), an event not read in the last second or with seats left, a body that is empty, too large or not
 * declared JSON (the resource's 400 and 415).
 */
@ApplicationScoped
public class SoldOutRefusals {

    private static final String PATH = "/api/v1/events/:eventId/registrations";

    /** A registration's fields are at most a few hundred bytes; a larger body is left to the resource. */
    private static final long LARGEST_BODY = 4096;

    private final RecentSeats recentSeats;
    private final ObjectMapper json;
    private final Validator validator;
    private final Counter refused;

    public SoldOutRefusals(RecentSeats recentSeats, ObjectMapper json, Validator validator, MeterRegistry registry) {
        this.recentSeats = recentSeats;
        this.json = json;
        this.validator = validator;
        this.refused = Counter.builder("kepu.registrations.refused.early")
                .description("Registrations for a full event answered before the resource, on the event loop")
                .register(registry);
    }

    /** After Quarkus' own handlers (security, compression), before the JAX-RS resources. */
    void install(@Observes Router router) {
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::answer);
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        long length = contentLength(request);
        if (request.getHeader("Idempotency-Key") != null || length <= 0 || length > LARGEST_BODY
                || !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE)) || !soldOut(context.pathParam("eventId"))) {
            context.next();
            return;
        }
        request.body().onFailure(context::fail).onSuccess(body -> {
            Problem problem = problem(body);
            if (problem.status() == 409) {
                refused.increment();
            }
            try {
                context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE,
                        Problem.MEDIA_TYPE).end(Buffer.buffer(json.writeValueAsBytes(problem)));
            } catch (IOException e) {
                context.fail(e);
            }
        });
        // Quarkus holds a request's body back until a handler asks for it.
        request.resume();
    }

    /** Whether the event is one this replica read within the last second with no seat left. */
    private boolean soldOut(String eventId) {
        try {
            return recentSeats.soldOut(UUID.fromString(eventId));
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    /** What the resource answers this body for a sold-out event. */
    private Problem problem(Buffer body) {
        RegistrationRequest registration;
        try {
            registration = json.readValue(body.getBytes(), RegistrationRequest.class);
        } catch (JsonProcessingException malformed) {
            return JsonInputMapper.toProblem(malformed);
        } catch (IOException unreadable) {
            return Problem.of(400, "malformed-json", "Body is not valid JSON", unreadable.getMessage(), null);
        }
        if (registration == null) {
            // The JSON null: the resource's @NotNull on its parameter.
            return ProblemException.invalid(List.of(new InvalidField("request", "is required"))).problem();
        }
        Set<ConstraintViolation<RegistrationRequest>> violations = validator.validate(registration);
        if (!violations.isEmpty()) {
            return ConstraintViolationMapper.toProblem(violations);
        }
        return Problem.of(EventSeats.full(0, registration.size()));
    }

    private static long contentLength(HttpServerRequest request) {
        try {
            String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return header == null ? -1 : Long.parseLong(header);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "application/json", 0, 16)
                && (contentType.length() == 16 || contentType.charAt(16) == ';' || contentType.charAt(16) == ' ');
    }
}
