package org.kepu.events.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.kepu.events.rest.SearchResponseCache.Rendered;

/** Answers a GET conditionally: 304 when the client's If-None-Match already names the representation's tag. */
final class Conditional {

    private Conditional() {
    }

    /** {@code ok} builds the full answer, and runs only when the client's copy is stale. */
    static Response respond(Request request, EntityTag tag, Supplier<Response.ResponseBuilder> ok) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : ok.get()).tag(tag).build();
    }

    /** A response rendered ahead, answered as it is or with 304. */
    static Response respond(Request request, Rendered rendered, MediaType type) {
        return respond(request, rendered.tag(), () -> Response.ok(rendered.body(), type));
    }
}
