package org.kepu.gateway.transport;

import org.kepu.gateway.policy.Admission;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;

/**
 * One API request on its way through the gateway: what the policy decided about it ({@link Admission}) and how far
 * it got (the upstream call in flight, whether a limit ended it). Plain fields rather than a routing context's map:
 * every request reads them several times. They are read and written on the request's event loop.
 */
public final class Exchange {

    public final HttpServerRequest request;
    public final HttpServerResponse response;
    /** The request's event loop: its timers and its upstream connection live there too. */
    public final EventLoop loop;
    public final long startedNanos = System.nanoTime();
    /** What the policy decided about the request: its id, path, route, client. */
    public final Admission admission = new Admission();
    /** The call to the service in flight, to abandon when the request time limit strikes. */
    UpstreamCall upstream;
    /** The request time limit's timer. */
    public ScheduledFuture<?> deadline;
    /** The request time limit answered the request; late upstream events must leave it alone. */
    public boolean timedOut;
    /** The client closed the connection before the answer began; nothing more is sent to it. */
    public boolean clientGone;
    /** A chunked body passed the size limit on the way. */
    boolean bodyTooLarge;
    private boolean finished;

    public Exchange(HttpServerRequest request) {
        this.request = request;
        this.response = request.response();
        // ContextInternal (Vert.x's internal API) is the only way to the Netty event loop running this request; the
        // upstream connection and the timers must live on that loop so that a request never changes threads.
        this.loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
    }

    /** The path decided on, or as received for a request refused before its path was read. */
    public String path() {
        return admission.path() != null ? admission.path() : request.path();
    }

    /** Stops the call to the service, if one is under way: its answer is no longer wanted. */
    public void abandonUpstream() {
        if (upstream != null) {
            upstream.abandon();
        }
    }

    /** True the first time only: a response can both end and lose its connection, and is logged once. */
    public boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }
}
