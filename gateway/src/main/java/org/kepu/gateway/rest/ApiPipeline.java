package org.kepu.gateway.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kepu.common.rest.RequestIds;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.ClientLabel;
import org.kepu.gateway.domain.CorsPolicy;
import org.kepu.gateway.domain.RequestFraming;
import org.kepu.gateway.domain.RequestPath;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.domain.TokenBucket;
import org.kepu.gateway.domain.TrustedProxies;
import org.kepu.gateway.service.RateLimiter;
import org.kepu.gateway.service.TokenVerifier;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * The gateway's work on one API request: request id and access log, CORS, route selection (404, 413),
 * authentication, rate limit, then the proxy to the owning service. Every step answers a refused request itself and
 * stops it; the steps run in this order.
 * <p>
 * This class and the beans it calls per request are singletons: an application-scoped bean is reached through a
 * client proxy that looks its instance up in the context on every call, a dozen calls per proxied request (about 3 %
 * of the gateway's samples in a JFR profile; too little for the bench to tell, bench/README.md session 8).
 */
@Singleton
public class ApiPipeline {

    static final String REQUEST_ID = RequestIds.HEADER;
    private static final String AUTHORIZATION = "Authorization";
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String ORIGIN = "Origin";
    private static final String EXPECT = "Expect";
    private static final String TRANSFER_ENCODING = "Transfer-Encoding";
    /** How long the rest of a refused body is read and dropped before the connection closes anyway. */
    private static final long LINGER_MILLIS = 5_000;
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    /** nginx's status for a request whose client closed the connection before the answer began. */
    private static final int CLIENT_CLOSED_REQUEST = 499;
    /** The metrics' uri for requests no route owns, as Quarkus names them. */
    private static final String NO_ROUTE = "NOT_FOUND";
    /** The metrics' uri for requests the HTTP decoder refused: their path may not even be one. */
    private static final String INVALID_REQUEST = "INVALID_REQUEST";

    private final Vertx vertx;
    private final RouteTable routes;
    private final CorsPolicy cors;
    private final TokenVerifier verifier;
    private final UpstreamProxy proxy;
    private final ProblemResponses problems;
    private final RateLimiter rateLimiter;
    private final AccessLog accessLog;
    private final RequestMetrics metrics;
    private final InFlightRequests inFlight;
    private final long maxBodyBytes;
    private final int maxHeaderBytes;
    private final long requestTimeLimitMillis;
    private final TrustedProxies trustedProxies;
    private final ClientLabel clientLabel;

    public ApiPipeline(Vertx vertx, RouteTable routes, CorsPolicy cors, TokenVerifier verifier, UpstreamProxy proxy,
            ProblemResponses problems, RateLimiter rateLimiter, AccessLog accessLog, RequestMetrics metrics,
            InFlightRequests inFlight, GatewayConfig config, TrustedProxies trustedProxies, ClientLabel clientLabel) {
        this.vertx = vertx;
        this.routes = routes;
        this.cors = cors;
        this.verifier = verifier;
        this.proxy = proxy;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
        this.accessLog = accessLog;
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxHeaderBytes = config.maxHeaderBytes();
        this.requestTimeLimitMillis = config.requestTimeLimit().toMillis();
        this.trustedProxies = trustedProxies;
        this.clientLabel = clientLabel;
    }

    /** Takes one request under {@code /api} through every step, on its event loop. */
    void handle(HttpServerRequest request) {
        Exchange exchange = new Exchange(request);
        if (mayHaveBody(request)) {
            // Hold the body until the proxy streams it upstream: a connection or a token check comes first.
            request.pause();
        }
        identifyRequest(exchange);
        if (refusedFraming(exchange) || answeredCors(exchange) || refusedPath(exchange)
                || refusedExpectation(exchange)) {
            return;
        }
        identifyClient(exchange);
        Route route = selectRoute(exchange);
        if (route == null) {
            return;
        }
        if (request.getHeader(AUTHORIZATION) == null) {
            // Decided on the event loop: no token means nothing to verify, saving two thread hops on public reads.
            if (admitsAnonymous(exchange, route) && withinRateLimit(exchange)) {
                forward(exchange, route);
            }
            return;
        }
        // Verifying a token may fetch a JWKS, so it runs on a worker; the continuation is back on the event loop,
        // where the proxy must start.
        vertx.executeBlocking(() -> admitsToken(exchange), false).onComplete(admitted -> {
            if (admitted.failed()) {
                problems.send(exchange.response, 500, "internal-error", "Internal error",
                        "Authentication failed unexpectedly");
            } else if (admitted.result() && withinRateLimit(exchange)) {
                forward(exchange, route);
            }
        });
    }

    /**
     * A client that sent {@code Expect: 100-continue} waits for this before it sends its body (curl and Java's HTTP
     * client do for large ones); it is told only once the request has passed every check, so a refused request never
     * sends its body at all.
     */
    private void forward(Exchange exchange, Route route) {
        if (exchange.request.getHeader(EXPECT) != null && !exchange.request.isEnded()) {
            exchange.response.writeContinue();
        }
        proxy.forward(exchange, route);
    }

    /** A head the service might frame otherwise than the gateway (RFC 9112): 400, and the connection closes. */
    private boolean refusedFraming(Exchange exchange) {
        HttpServerRequest request = exchange.request;
        if (request.version() == HttpVersion.HTTP_2) {
            return false;
        }
        Optional<String> refusal = RequestFraming.refusal(request.version() == HttpVersion.HTTP_1_1,
                request.headers().getAll("Host"), request.headers().getAll(TRANSFER_ENCODING));
        if (refusal.isEmpty()) {
            return false;
        }
        exchange.uriTemplate = INVALID_REQUEST;
        exchange.response.putHeader("Connection", "close");
        problems.send(exchange.response, 400, "malformed-request", "Malformed request", refusal.get());
        request.connection().close();
        return true;
    }

    /** The path is normalised once, here; a path a service might read differently is refused (400). */
    private boolean refusedPath(Exchange exchange) {
        try {
            exchange.path = RequestPath.normalise(exchange.request.path());
            return false;
        } catch (RequestPath.Refused refused) {
            exchange.uriTemplate = INVALID_REQUEST;
            problems.send(exchange.response, 400, "invalid-path", "Invalid path", refused.getMessage());
            return true;
        }
    }

    /** The only expectation HTTP defines is 100-continue; any other is refused with 417 (RFC 9110 §10.1.1). */
    private boolean refusedExpectation(Exchange exchange) {
        String expect = exchange.request.getHeader(EXPECT);
        if (expect == null || expect.trim().equalsIgnoreCase("100-continue")) {
            return false;
        }
        exchange.response.putHeader("Connection", "close"); // its body may follow unasked
        problems.send(exchange.response, 417, "expectation-failed", "Expectation failed",
                "Only Expect: 100-continue is understood");
        return true;
    }

    /** Who the client is, by address, as the trusted-proxy policy reads the forwarded headers. */
    private void identifyClient(Exchange exchange) {
        String peer = exchange.request.remoteAddress() == null
                ? "unknown"
                : exchange.request.remoteAddress().hostAddress();
        List<String> forwardedFor = exchange.request.headers().getAll(X_FORWARDED_FOR);
        exchange.clientAddress = trustedProxies.clientAddress(peer, forwardedFor);
    }

    /**
     * Answers a request the HTTP decoder refused — head too large (431), request line too long (414), not HTTP (400) —
     * as a problem, logged and counted like any other refusal. The connection then closes: after a broken head, where
     * the next request would begin is unknown.
     */
    void handleInvalid(HttpServerRequest request) {
        Exchange exchange = new Exchange(request);
        exchange.uriTemplate = INVALID_REQUEST;
        identifyRequest(exchange);
        Throwable cause = request.decoderResult().cause();
        HttpServerResponse response = exchange.response.putHeader("Connection", "close");
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
     * Takes the caller's request id or makes one, returns it, and when the response ends logs one access line and
     * times the request. An answer whose head leaves while the gateway drains says its connection closes after it.
     */
    private void identifyRequest(Exchange exchange) {
        inFlight.begin();
        exchange.response.headersEndHandler(headWritten -> {
            if (inFlight.draining() && exchange.request.version() != HttpVersion.HTTP_2) {
                exchange.response.putHeader("Connection", "close"); // HTTP/2 forbids it; its GOAWAY says the same
            }
        });
        String given = exchange.request.getHeader(REQUEST_ID);
        exchange.requestId = given != null && RequestIds.isSafe(given) ? given : newRequestId();
        exchange.response.putHeader(REQUEST_ID, exchange.requestId);
        exchange.deadline = exchange.loop.schedule(() -> timeUp(exchange), requestTimeLimitMillis,
                TimeUnit.MILLISECONDS);
        exchange.response.endHandler(ended -> finished(exchange));
        exchange.response.closeHandler(closed -> finished(exchange));
    }

    private void finished(Exchange exchange) {
        if (!exchange.finish()) {
            return;
        }
        exchange.deadline.cancel(false);
        if (!exchange.response.headWritten()) {
            // The gateway always answers before it closes, so the client went away first: stop the service's work
            // for it too, as nginx does.
            exchange.clientGone = true;
            if (exchange.upstream != null) {
                exchange.upstream.abandon();
            }
        }
        int status = exchange.clientGone ? CLIENT_CLOSED_REQUEST : exchange.response.getStatusCode();
        long nanos = System.nanoTime() - exchange.startedNanos;
        accessLog.record(accessLine(exchange, status, nanos));
        metrics.record(exchange.request.method().name(), uriTemplate(exchange), status, nanos);
        inFlight.end();
        if (inFlight.draining() && !exchange.clientGone) {
            closeAfterAnswer(exchange);
        }
    }

    /** Draining: the client's next request should go to another replica, so its connection closes now. */
    private static void closeAfterAnswer(Exchange exchange) {
        if (exchange.request.version() == HttpVersion.HTTP_2) {
            exchange.request.connection().shutdown(); // GOAWAY: streams under way finish, no new ones
        } else if (!exchange.response.closed()) {
            exchange.response.close(); // after the answer's last byte is written
        }
    }

    /**
     * The request has taken longer than it may in all: the upstream call is abandoned and the client told why — 408
     * if it has not finished sending, 504 if the service has not finished answering. An answer already under way can
     * only be cut off.
     */
    private void timeUp(Exchange exchange) {
        HttpServerResponse response = exchange.response;
        if (response.ended() || response.closed()) {
            return;
        }
        exchange.timedOut = true;
        if (exchange.upstream != null) {
            exchange.upstream.abandon();
        }
        if (response.headWritten()) {
            exchange.request.connection().close();
            return;
        }
        response.putHeader("Connection", "close");
        String limit = requestTimeLimitMillis + " ms";
        if (exchange.request.isEnded()) {
            problems.send(response, 504, "request-time-limit", "Request took too long",
                    "The service did not finish answering within the gateway's limit of " + limit);
        } else {
            problems.send(response, 408, "request-time-limit", "Request took too long",
                    "The request body did not arrive within the gateway's limit of " + limit);
        }
    }

    /** The route's template; requests answered before a route was chosen (preflight, 413) look theirs up. */
    private String uriTemplate(Exchange exchange) {
        if (exchange.uriTemplate == null) {
            String path = exchange.path();
            exchange.uriTemplate = routes.routeFor(path).map(route -> route.template(path)).orElse(NO_ROUTE);
        }
        return exchange.uriTemplate;
    }

    /**
     * method path status latency request client address: never a token, never a query string (it may hold personal
     * data), and the token's subject only as the configured {@link ClientLabel} writes it.
     */
    private String accessLine(Exchange exchange, int status, long nanos) {
        long tenthsOfMs = nanos / 100_000;
        return new StringBuilder(160).append(exchange.request.method().name()).append(' ')
                .append(exchange.path()).append(' ').append(status).append(' ')
                .append(tenthsOfMs / 10).append('.').append(tenthsOfMs % 10).append("ms request=")
                .append(exchange.requestId).append(" client=")
                .append(exchange.client == null ? "anonymous" : clientLabel.of(exchange.client)).append(" from=")
                .append(exchange.clientAddress == null ? "-" : exchange.clientAddress).toString();
    }

    /**
     * Preflights from allowed origins are answered here and never reach a service (others get 403); answers to an
     * allowed origin are marked so that its pages may read them, errors included. Other origins get no marks, so the
     * browser keeps their pages from reading the answer.
     */
    private boolean answeredCors(Exchange exchange) {
        String origin = exchange.request.getHeader(ORIGIN);
        if (origin == null) {
            return false;
        }
        boolean preflight = CorsPolicy.isPreflight(exchange.request.method().name(), origin,
                exchange.request.getHeader("Access-Control-Request-Method"));
        HttpServerResponse response = exchange.response;
        if (!cors.allowsOrigin(origin)) {
            if (preflight) {
                problems.send(response, 403, "origin-not-allowed", "Origin not allowed",
                        "Pages from " + origin + " may not call this API");
            }
            return preflight;
        }
        response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", ORIGIN);
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", cors.allowMethods())
                    .putHeader("Access-Control-Allow-Headers", cors.allowHeaders())
                    .putHeader("Access-Control-Max-Age", cors.maxAgeSeconds()).setStatusCode(204).end();
            return true;
        }
        response.putHeader("Access-Control-Expose-Headers", cors.exposeHeaders());
        return false;
    }

    /** The route owning the path, or null after answering 413 (declared body too large) or 404. */
    private Route selectRoute(Exchange exchange) {
        String length = exchange.request.getHeader(CONTENT_LENGTH);
        if (length != null && parseLength(length) > maxBodyBytes) {
            refuseBody(exchange);
            return null;
        }
        String path = exchange.path;
        Route route = routes.routeFor(path).orElse(null);
        if (route == null) {
            exchange.uriTemplate = NO_ROUTE;
            problems.send(exchange.response, 404, "not-found", "Resource not found",
                    "No Kepu API is served at this path");
            return null;
        }
        exchange.uriTemplate = route.template(path);
        return route;
    }

    /**
     * 413 for a declared length over the limit, before a byte of the body is read; the connection then closes, since
     * where the next request would begin is behind the unread body. A client waiting for 100 Continue sends no body,
     * so its connection closes at once. One that is already sending has the rest read and dropped for up to
     * {@link #LINGER_MILLIS} (nginx's lingering close): closing on a body in flight would reset the connection, and
     * the client could lose the answer before reading it.
     */
    private void refuseBody(Exchange exchange) {
        HttpServerRequest request = exchange.request;
        if (request.version() == HttpVersion.HTTP_2) {
            problems.bodyTooLarge(exchange.response, maxBodyBytes); // the stream ends; the connection's others go on
            return;
        }
        exchange.response.putHeader("Connection", "close");
        problems.bodyTooLarge(exchange.response, maxBodyBytes);
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

    /** Without a token only the route's public reads pass; anything else is a 401 with a challenge. */
    private boolean admitsAnonymous(Exchange exchange, Route route) {
        if (!route.allowsAnonymous(exchange.request.method().name(), exchange.path)) {
            exchange.response.putHeader("WWW-Authenticate", "Bearer realm=\"kepu\"");
            problems.send(exchange.response, 401, "unauthorized", "Authentication required",
                    "This request needs a bearer token");
            return false;
        }
        exchange.rateClass = "public-read";
        return true;
    }

    /** A presented token must be valid (signature, issuer, audience, expiry) whatever the route. */
    private boolean admitsToken(Exchange exchange) {
        String authorization = exchange.request.getHeader(AUTHORIZATION);
        Optional<JsonWebToken> token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? verifier.verify(authorization.substring(7).trim())
                : Optional.empty();
        if (token.isEmpty()) {
            exchange.response.putHeader("WWW-Authenticate", "Bearer realm=\"kepu\", error=\"invalid_token\"");
            problems.send(exchange.response, 401, "unauthorized", "Authentication required",
                    "The bearer token is not valid (signature, issuer, audience or expiry)");
            return false;
        }
        // A partner agency's systems may hold many tokens; its rate limit is the partner's, whichever token calls.
        Object partner = token.get().getClaim("partner");
        exchange.client = partner != null ? "partner:" + partner : token.get().getSubject();
        exchange.rateClass = "authenticated";
        return true;
    }

    /**
     * Token buckets per client and route class; the RateLimit headers (IETF draft) tell well-behaved clients how to
     * pace themselves, and a 429 says when to retry.
     */
    private boolean withinRateLimit(Exchange exchange) {
        String client = exchange.client;
        if (client == null) {
            // Anonymous callers by address (behind trusted proxies, the forwarded one); their buckets are apart from
            // token subjects' (another route class).
            client = exchange.clientAddress;
        }
        Optional<TokenBucket.Decision> decision = rateLimiter.take(exchange.rateClass, client);
        if (decision.isPresent()) {
            TokenBucket.Decision d = decision.get();
            HttpServerResponse response = exchange.response;
            response.putHeader("RateLimit-Limit", Integer.toString(d.limit()))
                    .putHeader("RateLimit-Remaining", Integer.toString(d.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
            if (!d.allowed()) {
                response.putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
                problems.send(response, 429, "rate-limited", "Too many requests",
                        "Slow down: try again in " + d.retryAfterSeconds() + " s");
                return false;
            }
        }
        return true;
    }

    /** A Content-Length value; one we cannot honour counts as too large. */
    static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length we can honour
        }
    }

    /**
     * A random UUID-shaped id. Request ids need to be unique, not unguessable, so ThreadLocalRandom serves, sparing
     * every request the lock of the SecureRandom behind UUID.randomUUID().
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }
}
