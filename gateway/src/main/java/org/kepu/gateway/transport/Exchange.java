package org.kepu.gateway.transport;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.MDC;
import org.kepu.common.rest.RequestIdLogging;
import org.kepu.gateway.policy.Admission;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * One API request on its way through the gateway: what the policy decided about it ({@link Admission}) and how far
 * it got (the upstream call in flight, whether it was abandoned, whether it finished). Plain fields rather than a
 * routing context's map: every request reads them several times. Used on the request's event loop only, apart from
 * the admission, which a worker fills in while it verifies a token.
 */
public final class Exchange {

    private static final String REQUEST_ID = RequestIdLogging.KEY;
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    /** The request's event loop: its timers and its upstream connection live there too. */
    private final EventLoop loop;
    private final long startedNanos = System.nanoTime();
    private final Admission admission = new Admission();
    /** The request's span: its trace id is logged and its context forwarded to the service. */
    private Span trace = Span.getInvalid();
    /** The call to the service in flight, to stop when the request is abandoned. */
    private UpstreamCall upstream;
    /** The request time limit's timer; null until set. */
    private ScheduledFuture<?> timeLimit;
    /** The client left, or the request time limit struck: the service's answer is no longer wanted. */
    private boolean abandoned;
    /** The client closed the connection before the answer began; nothing more is sent to it. */
    private boolean clientGone;
    private boolean finished;

    /** A request arriving on {@code loop}, the event loop running this call ({@link NettyLoops#current()}). */
    public Exchange(HttpServerRequest request, EventLoop loop) {
        this.request = request;
        this.response = request.response();
        this.loop = loop;
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return response;
    }

    /** What the policy decided about the request: its id, path, route, client. */
    public Admission admission() {
        return admission;
    }

    /** The request's span, begun when it arrived; an invalid one until then. */
    public Span trace() {
        return trace;
    }

    /** Records the request's span, begun when it arrived. */
    public void trace(Span span) {
        this.trace = span;
    }

    /**
     * Runs {@code log} with the request's id, trace id and span id in the log context, under the keys every Kepu log
     * line prints (RequestIdLogging's, and those Quarkus' OpenTelemetry sets in the services). Set by hand: the
     * request's callbacks run on its event loop outside any context Quarkus would carry them in.
     */
    public void inLogContext(Runnable log) {
        MDC.put(REQUEST_ID, admission.requestId());
        MDC.put(TRACE_ID, trace.getSpanContext().getTraceId());
        MDC.put(SPAN_ID, trace.getSpanContext().getSpanId());
        try {
            log.run();
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }

    EventLoop loop() {
        return loop;
    }

    /** Whether the request came on an HTTP/2 stream, which ends on its own (no {@code Connection} header). */
    public boolean http2() {
        return request.version() == HttpVersion.HTTP_2;
    }

    /** How long the request has been under way. */
    public long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    /** The path decided on, or as received for a request refused before its path was read. */
    public String path() {
        return admission.path() != null ? admission.path() : request.path();
    }

    /**
     * Bounds the whole request: unless it has {@link #finish}ed by then, {@code timeUp} runs on its event loop after
     * {@code millis}. The one timer of the request time limit; set once.
     */
    public void limitTime(long millis, Runnable timeUp) {
        timeLimit = loop.schedule(timeUp, millis, TimeUnit.MILLISECONDS);
    }

    /** The call to the service now under way. */
    void calling(UpstreamCall call) {
        upstream = call;
    }

    /** The request time limit struck: the call to the service stops, and nothing more goes to it. */
    public void timeLimitReached() {
        abandon();
    }

    /** The client went away before its answer began: the service's work for it stops too, as nginx does. */
    public void clientLeft() {
        clientGone = true;
        abandon();
    }

    /** Whether the client left before its answer began (logged as 499). */
    public boolean clientGone() {
        return clientGone;
    }

    /** Whether the request was given up (client gone, time limit): no call to a service is to begin for it. */
    public boolean abandoned() {
        return abandoned;
    }

    private void abandon() {
        abandoned = true;
        if (upstream != null) {
            upstream.abandon();
        }
    }

    /**
     * True the first time only: a response can both end and lose its connection, and is logged once. Its time limit
     * no longer applies.
     */
    public boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        if (timeLimit != null) {
            timeLimit.cancel(false);
        }
        return true;
    }
}
