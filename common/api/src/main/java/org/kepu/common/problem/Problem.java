package org.kepu.common.problem;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.kepu.common.rules.DomainException;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document: the one error shape of every Kepu API.
 *
 * @param type a stable URI that clients can switch on
 * @param title a short summary that does not change between occurrences
 * @param status the HTTP status
 * @param detail what went wrong this time, in words a person can act on
 * @param errors for validation problems, each offending field and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<InvalidField> errors) {

    /** The media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the stable problem type URIs live; the part after it is the problem's slug. */
    public static final String TYPE_BASE = "https://kepu.org/problems/";

    /** One offending input: the field as the client named it (JSON path or query parameter) and what is wrong. */
    public record InvalidField(String field, String message) {
    }

    /** A problem with the given slug; {@code errors} may be empty. */
    public static Problem of(int status, String slug, String title, String detail, List<InvalidField> errors) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, errors == null ? List.of() : errors);
    }

    /** The problem a domain rule's refusal is answered with: its kind gives the status, its slug the type. */
    public static Problem of(DomainException refusal) {
        int status = switch (refusal.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_PERMITTED -> 403;
            case GONE -> 410;
        };
        List<InvalidField> errors = refusal.fields().stream().map(f -> new InvalidField(f.field(), f.message()))
                .toList();
        return of(status, refusal.slug(), refusal.title(), refusal.getMessage(), errors);
    }

    /** This problem as a JAX-RS response with the problem media type. */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
