package org.kepu.gateway.rest;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.kepu.common.rest.RequestIds;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.ClientLabel;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.policy.Admission;
import org.kepu.gateway.policy.Answer;
import org.kepu.gateway.policy.GatewayPolicy;
import org.kepu.gateway.policy.RequestHead;
import org.kepu.gateway.transport.Exchange;
import org.kepu.gateway.transport.UpstreamProxy;
import org.kepu.gateway.transport.InFlightRequests;
import org.kepu.gateway.transport.NettyLoops;
import org.kepu.gateway.transport.ProblemResponses;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * The gateway's work on one API request, on its event loop: the request is timed, logged and counted from its first
 * byte to its last; the policy ({@link GatewayPolicy}) screens and admits it, its answers sent here; an admitted
 * request is proxied to the owning service. This class is the seam between the policy, which decides, and the
 * transport, which moves bytes.
 * <p>
 * This class and the beans it calls per request are singletons: an application-scoped bean is reached through a
 * client proxy that looks its instance up in the context on every call, a dozen calls per proxied request
 * (bench/gateway/README.md).
 */
@Singleton
public class ApiPipeline {

    private static final String REQUEST_ID = RequestIds.HEADER;
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String EXPECT = "Expect";
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";
    /** How long the rest of a refused body is read and dropped before the connection closes anyway. */
    private static final long LINGER_MILLIS = 5_000;
    /** nginx's status for a request whose client closed the connection before the answer began. */
    private static final int CLIENT_CLOSED_REQUEST = 499;

    private final Vertx vertx;
    private final NettyLoops loops;
    private final GatewayPolicy policy;
    private final RouteTable routes;
    private final UpstreamProxy proxy;
    private final ProblemResponses problems;
    private final AccessLog accessLog;
    private final RequestMetrics metrics;
    private final InFlightRequests inFlight;
    private final int maxHeaderBytes;
    private final long requestTimeLimitMillis;
    private final ClientLabel clientLabel;
    private final RequestTraces traces;

    public ApiPipeline(Vertx vertx, NettyLoops loops, GatewayPolicy policy, RouteTable routes, UpstreamProxy proxy,
            ProblemResponses problems, AccessLog accessLog, RequestMetrics metrics, InFlightRequests inFlight,
            GatewayConfig config, ClientLabel clientLabel, RequestTraces traces) {
        this.vertx = vertx;
        this.loops = loops;
        this.policy = policy;
        this.routes = routes;
        this.proxy = proxy;
        this.problems = problems;
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.maxHeaderBytes = config.maxHeaderBytes();
        this.requestTimeLimitMillis = config.requestTimeLimit().toMillis();
        this.clientLabel = clientLabel;
        this.traces = traces;
    }

    /** Takes one request under {@code /api} through the policy, on its event loop, and proxies it if admitted. */
    void handle(HttpServerRequest request) {
        Exchange exchange = new Exchange(request, loops.current());
        if (mayHaveBody(request)) {
            // Hold the body until the proxy streams it upstream: a connection or a token check comes first.
            request.pause();
        }
        RequestHead head = new VertxRequestHead(request);
        policy.identify(head, exchange.admission());
        identifyRequest(exchange);
        Optional<Answer> refused = policy.screen(head, exchange.admission());
        if (refused.isPresent()) {
            answer(exchange, refused.get());
            return;
        }
        if (!policy.admitsOnWorker(head)) {
            // Decided on the event loop: no token means nothing to verify, saving two thread hops on public reads.
            admitted(exchange, policy.admit(head, exchange.admission()));
            return;
        }
        // Verifying a token may fetch a JWKS, so it runs on a worker; the continuation is back on the event loop,
        // where the proxy must start.
        vertx.executeBlocking(() -> policy.admit(head, exchange.admission()), false).onComplete(decided -> {
            if (decided.failed()) {
                problems.send(exchange.response(), 500, "internal-error", "Internal error",
                        "Authentication failed unexpectedly");
            } else {
                admitted(exchange, decided.result());
            }
        });
    }

    private void admitted(Exchange exchange, Optional<Answer> refused) {
        if (exchange.abandoned()) {
            return; // the client left, or the time limit answered, while its token was checked
        }
        if (refused.isPresent()) {
            answer(exchange, refused.get());
        } else {
            exchange.admission().answerHeaders().forEach(exchange.response()::putHeader);
            forward(exchange, exchange.admission().route());
        }
    }

    /**
     * Sends the policy's answer with the headers the steps before it decided on, and does to the connection what the
     * answer says: a framing the gateway cannot trust closes it; a body refused unread is drained for a while first.
     */
    private void answer(Exchange exchange, Answer answer) {
        HttpServerResponse response = exchange.response();
        exchange.admission().answerHeaders().forEach(response::putHeader);
        answer.headers().forEach(response::putHeader);
        boolean http2 = exchange.http2();
        if (answer.connection() != Answer.Connection.KEEP && !http2) {
            response.putHeader("Connection", "close"); // HTTP/2 forbids it: a stream ends on its own
        }
        if (answer.problemType() == null) {
            response.setStatusCode(answer.status()).end();
        } else {
            problems.send(response, answer.status(), answer.problemType(), answer.title(), answer.detail());
        }
        if (http2) {
            return; // the stream ends; the connection's others go on
        }
        if (answer.connection() == Answer.Connection.CLOSE) {
            exchange.request().connection().close();
        } else if (answer.connection() == Answer.Connection.REFUSE_BODY) {
            drainThenClose(exchange.request());
        }
    }

    /**
     * A client that sent {@code Expect: 100-continue} waits for this before it sends its body (curl and Java's HTTP
     * client do for large ones); it is told only once the request has passed every check, so a refused request never
     * sends its body at all.
     */
    private void forward(Exchange exchange, Route route) {
        if (exchange.request().getHeader(EXPECT) != null && !exchange.request().isEnded()) {
            exchange.response().writeContinue();
        }
        proxy.forward(exchange, route);
    }

    /**
     * Answers a request the HTTP decoder refused — head too large (431), request line too long (414), not HTTP (400) —
     * as a problem, logged and counted like any other refusal. The connection then closes: after a broken head, where
     * the next request would begin is unknown.
     */
    void handleInvalid(HttpServerRequest request) {
        Exchange exchange = new Exchange(request, loops.current());
        exchange.admission().uriTemplate(Admission.INVALID_REQUEST);
        policy.identify(new VertxRequestHead(request), exchange.admission());
        identifyRequest(exchange);
        Throwable cause = request.decoderResult().cause();
        HttpServerResponse response = exchange.response().putHeader("Connection", "close");
        if (cause instanceof TooLongHttpHeaderException) {
            problems.send(response, 431, "headers-too-large", "Request headers too large",
                    "The request line and headers may be at most " + maxHeaderBytes + " bytes");
        } else if (cause instanceof TooLongHttpLineException) {
            problems.send(response, 414, "uri-too-long", "Request line too long",
                    "The request line is longer than the gateway accepts; send long criteria in a body");
        } else {
            problems.send(response, 400, "malformed-request", "Malformed request",
                    "The request is not well-formed HTTP/1.1");
        }
        request.connection().close();
    }

    /** HTTP/1 announces a body in its head; an HTTP/2 stream may carry one regardless. */
    private static boolean mayHaveBody(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 || request.headers().contains(CONTENT_LENGTH)
                || request.headers().contains(TRANSFER_ENCODING);
    }

    /**
     * Returns the request id the policy chose, begins the request's span, and when the response ends logs one access
     * line and times the request. An answer whose head leaves while the gateway drains says its connection closes
     * after it.
     */
    private void identifyRequest(Exchange exchange) {
        inFlight.begin();
        exchange.trace(traces.start(exchange.request()));
        exchange.response().headersEndHandler(headWritten -> {
            if (inFlight.draining() && !exchange.http2()) {
                exchange.response().putHeader("Connection", "close"); // HTTP/2 forbids it; its GOAWAY says the same
            }
        });
        exchange.response().putHeader(REQUEST_ID, exchange.admission().requestId());
        exchange.limitTime(requestTimeLimitMillis, () -> timeUp(exchange));
        exchange.response().endHandler(ended -> finished(exchange));
        exchange.response().closeHandler(closed -> finished(exchange));
    }

    private void finished(Exchange exchange) {
        if (!exchange.finish()) {
            return;
        }
        if (!exchange.response().headWritten()) {
            // The gateway always answers before it closes, so the client went away first.
            exchange.clientLeft();
        }
        int status = exchange.clientGone() ? CLIENT_CLOSED_REQUEST : exchange.response().getStatusCode();
        long nanos = exchange.elapsedNanos();
        accessLog.record(accessLine(exchange, status, nanos));
        String method = exchange.request().method().name();
        metrics.record(method, uriTemplate(exchange), status, nanos);
        RequestTraces.end(exchange.trace(), method, uriTemplate(exchange), status);
        inFlight.end();
        if (inFlight.draining() && !exchange.clientGone()) {
            closeAfterAnswer(exchange);
        }
    }

    /** Draining: the client's next request should go to another replica, so its connection closes now. */
    private static void closeAfterAnswer(Exchange exchange) {
        if (exchange.http2()) {
            exchange.request().connection().shutdown(); // GOAWAY: streams under way finish, no new ones
        } else if (!exchange.response().closed()) {
            exchange.response().close(); // after the answer's last byte is written
        }
    }

    /**
     * The request has taken longer than it may in all: the upstream call is abandoned and the client told why — 408
     * if it has not finished sending, 504 if the service has not finished answering. An answer already under way can
     * only be cut off.
     */
    private void timeUp(Exchange exchange) {
        HttpServerResponse response = exchange.response();
        if (response.ended() || response.closed()) {
            return;
        }
        exchange.timeLimitReached();
        if (response.headWritten()) {
            exchange.request().connection().close();
            return;
        }
        response.putHeader("Connection", "close");
        String limit = requestTimeLimitMillis + " ms";
        if (exchange.request().isEnded()) {
            problems.send(response, 504, "request-time-limit", "Request took too long",
                    "The service did not finish answering within the gateway's limit of " + limit);
        } else {
            problems.send(response, 408, "request-time-limit", "Request took too long",
                    "The request body did not arrive within the gateway's limit of " + limit);
        }
    }

    /** The route's template; requests answered before a route was chosen (preflight, 413) look theirs up. */
    private String uriTemplate(Exchange exchange) {
        if (exchange.admission().uriTemplate() == null) {
            String path = exchange.path();
            exchange.admission().uriTemplate(
                    routes.routeFor(path).map(route -> route.template(path)).orElse(Admission.NO_ROUTE));
        }
        return exchange.admission().uriTemplate();
    }

    /** The request's access line; the caller only as the configured {@link ClientLabel} writes it. */
    private AccessLine accessLine(Exchange exchange, int status, long nanos) {
        Admission admission = exchange.admission();
        return new AccessLine(exchange.request().method().name(), exchange.path(), status, nanos / 100_000,
                admission.requestId(), exchange.trace().getSpanContext().getTraceId(),
                admission.client() == null ? "anonymous" : clientLabel.of(admission.client()),
                admission.clientAddress() == null ? "-" : admission.clientAddress());
    }

    /**
     * After a 413 for a declared length over the limit, sent before a byte of the body was read: the connection
     * closes, since where the next request would begin is behind the unread body. A client waiting for 100 Continue
     * sends no body, so its connection closes at once. One that is already sending has the rest read and dropped for
     * up to {@link #LINGER_MILLIS} (nginx's lingering close): closing on a body in flight would reset the connection,
     * and the client could lose the answer before reading it.
     */
    private void drainThenClose(HttpServerRequest request) {
        if (request.getHeader(EXPECT) != null || request.isEnded()) {
            request.connection().close();
            return;
        }
        long linger = vertx.setTimer(LINGER_MILLIS, fired -> request.connection().close());
        request.handler(dropped -> {
        }).endHandler(ended -> {
            vertx.cancelTimer(linger);
            request.connection().close();
        }).resume();
    }
}
