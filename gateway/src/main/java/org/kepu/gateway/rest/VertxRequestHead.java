package org.kepu.gateway.rest;

import java.util.List;

import org.kepu.gateway.policy.RequestHead;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/** A Vert.x request's head as the policy reads it. */
final class VertxRequestHead implements RequestHead {

    private final HttpServerRequest request;

    VertxRequestHead(HttpServerRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String rawPath() {
        return request.path();
    }

    @Override
    public boolean http2() {
        return request.version() == HttpVersion.HTTP_2;
    }

    @Override
    public boolean http11() {
        return request.version() == HttpVersion.HTTP_1_1;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public String peerAddress() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
