package org.kepu.events.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.kepu.common.rest.ConditionalGet;
import org.kepu.events.rest.SearchResponseCache.Rendered;

/** Answers a GET from a response rendered ahead (the caches'), as it is or with 304. */
final class Conditional {

    private Conditional() {
    }

    static Response respond(Request request, Rendered rendered, MediaType type) {
        return ConditionalGet.respond(request, rendered.tag(), () -> Response.ok(rendered.body(), type));
    }
}
