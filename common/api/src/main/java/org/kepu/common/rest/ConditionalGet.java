package org.kepu.common.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Answers a GET conditionally: 304 when the client's If-None-Match already names the representation's tag. */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /** {@code ok} builds the full answer, and runs only when the client's copy is stale. */
    public static Response respond(Request request, EntityTag tag, Supplier<Response.ResponseBuilder> ok) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : ok.get()).tag(tag).build();
    }
}
