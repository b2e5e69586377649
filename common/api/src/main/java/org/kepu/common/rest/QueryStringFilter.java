package org.kepu.common.rest;

import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/** Applies {@link QueryStringRules} to every request matched to a resource method, in every service. */
public class QueryStringFilter {

    @ServerRequestFilter
    public void check(HttpServerRequest request, ResourceInfo resource) {
        String query = request.query();
        if (query != null && resource.getResourceMethod() != null) {
            QueryStringRules.check(query, QueryStringRules.singleValuedParameters(resource.getResourceMethod()));
        }
    }
}
