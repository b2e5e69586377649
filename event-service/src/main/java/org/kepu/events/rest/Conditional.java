package org.kepu.events.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.kepu.events.rest.SearchResponseCache.Rendered;

/** Answers a GET of a rendered response: 304 when the client's If-None-Match already names these bytes. */
final class Conditional {

    private Conditional() {
    }

    static Response respond(Request request, Rendered rendered, MediaType type) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(rendered.tag());
        if (notModified != null) {
            return notModified.tag(rendered.tag()).build();
        }
        return Response.ok(rendered.body(), type).tag(rendered.tag()).build();
    }
}
