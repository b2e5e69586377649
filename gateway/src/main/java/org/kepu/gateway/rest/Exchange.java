package org.kepu.gateway.rest;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;

/**
 * One API request on its way through the gateway: what the pipeline learned about it (request id, client, rate
 * class) and how far it got (the upstream call in flight, whether a limit ended it). Plain fields rather than a
 * routing context's map: every request reads them several times. They are read and written on the request's event
 * loop, except the client and rate class, which the token check sets on a worker before handing back to it.
 */
final class Exchange {

    final HttpServerRequest request;
    final HttpServerResponse response;
    /** The request's event loop: its timers and its upstream connection live there too. */
    final EventLoop loop;
    final long startedNanos = System.nanoTime();
    String requestId;
    /** The owning route's path template, for metrics. */
    String uriTemplate;
    /** The path as the gateway decided on it ({@code domain.RequestPath}): routed, logged and forwarded. */
    String path;
    /** The client's address as the forwarded-header policy reads it ({@code domain.TrustedProxies}). */
    String clientAddress;
    /** The token subject; null while anonymous. */
    String client;
    String rateClass;
    /** The call to the service in flight, to abandon when the request time limit strikes. */
    UpstreamCall upstream;
    /** The request time limit's timer. */
    ScheduledFuture<?> deadline;
    /** The request time limit answered the request; late upstream events must leave it alone. */
    boolean timedOut;
    /** The client closed the connection before the answer began; nothing more is sent to it. */
    boolean clientGone;
    /** A chunked body passed the size limit on the way. */
    boolean bodyTooLarge;
    private boolean finished;

    Exchange(HttpServerRequest request) {
        this.request = request;
        this.response = request.response();
        // ContextInternal (Vert.x's internal API) is the only way to the Netty event loop running this request; the
        // upstream connection and the timers must live on that loop so that a request never changes threads.
        this.loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
    }

    /** The path decided on, or as received for a request refused before its path was read. */
    String path() {
        return path != null ? path : request.path();
    }

    /** True the first time only: a response can both end and lose its connection, and is logged once. */
    boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }
}
