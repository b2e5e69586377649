package org.kepu.gateway.rest;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kepu.common.rest.RequestIds;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.domain.TokenBucket;
import org.kepu.gateway.service.RateLimiter;
import org.kepu.gateway.service.TokenVerifier;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Installs the gateway's request pipeline on Quarkus' router: request id and access log, route selection (404, 413),
 * authentication, rate limit, then the proxy to the owning service.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String REQUEST_ID = RequestIds.HEADER;
    private static final String AUTHORIZATION = "Authorization";
    private static final String CONTENT_LENGTH = "Content-Length";
    /** Context keys shared with the proxy: the upstream call in flight, and that the time limit ended the request. */
    static final String UPSTREAM_REQUEST = "kepu.upstream-request";
    static final String TIMED_OUT = "kepu.timed-out";
    /** Where Quarkus' HTTP metrics (and tracing) look for the templated path of a request. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final String ROUTE_KEY = "kepu.route";
    private static final String CLIENT_KEY = "kepu.client";
    private static final String RATE_CLASS_KEY = "kepu.rate-class";

    private final RouteTable routes;
    private final TokenVerifier verifier;
    private final UpstreamProxy proxy;
    private final ProblemResponses problems;
    private final RateLimiter rateLimiter;
    private final AccessLog accessLog;
    private final long maxBodyBytes;
    private final long requestTimeLimitMillis;

    public GatewayRoutes(RouteTable routes, TokenVerifier verifier, UpstreamProxy proxy, ProblemResponses problems,
            RateLimiter rateLimiter, AccessLog accessLog, GatewayConfig config) {
        this.routes = routes;
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.proxy = proxy;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
        this.maxBodyBytes = config.maxBodyBytes();
        this.requestTimeLimitMillis = config.requestTimeLimit().toMillis();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::handle);
    }

    /**
     * The pipeline, as one handler rather than a route per step: every step answers a refused request itself and
     * stops it; the steps run in this order.
     */
    private void handle(RoutingContext context) {
        identifyRequest(context);
        Route route = selectRoute(context);
        if (route == null) {
            return;
        }
        if (context.request().getHeader(AUTHORIZATION) == null) {
            // Decided on the event loop: no token means nothing to verify, saving two thread hops on public reads.
            if (admitsAnonymous(context, route) && withinRateLimit(context)) {
                proxy.forward(context, route);
            }
            return;
        }
        // Verifying a token may fetch a JWKS, so it runs on a worker; the continuation is back on the event loop,
        // where the proxy must start.
        context.vertx().executeBlocking(() -> admitsToken(context), false).onComplete(admitted -> {
            if (admitted.failed()) {
                problems.send(context, 500, "internal-error", "Internal error", "Authentication failed unexpectedly");
            } else if (admitted.result() && withinRateLimit(context)) {
                proxy.forward(context, route);
            }
        });
    }

    /** Takes the caller's request id or makes one, returns it, and logs one access line when the response ends. */
    private void identifyRequest(RoutingContext context) {
        // Hold the body until the proxy streams it upstream; authentication may hop to a worker thread first.
        context.request().pause();
        String given = context.request().getHeader(REQUEST_ID);
        String requestId = given != null && RequestIds.isSafe(given) ? given : newRequestId();
        context.put(REQUEST_ID, requestId);
        context.response().putHeader(REQUEST_ID, requestId);
        long started = System.nanoTime();
        long deadline = context.vertx().setTimer(requestTimeLimitMillis, fired -> timeUp(context));
        context.addEndHandler(done -> {
            context.vertx().cancelTimer(deadline);
            accessLog.record(accessLine(context, requestId, System.nanoTime() - started));
        });
    }

    /**
     * The request has taken longer than it may in all: the upstream call is abandoned and the client told why — 408
     * if it has not finished sending, 504 if the service has not finished answering. An answer already under way can
     * only be cut off.
     */
    private void timeUp(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        context.put(TIMED_OUT, true);
        HttpClientRequest upstream = context.get(UPSTREAM_REQUEST);
        if (upstream != null) {
            upstream.reset();
        }
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        response.putHeader("Connection", "close");
        String limit = requestTimeLimitMillis + " ms";
        if (context.request().isEnded()) {
            problems.send(context, 504, "request-time-limit", "Request took too long",
                    "The service did not finish answering within the gateway's limit of " + limit);
        } else {
            problems.send(context, 408, "request-time-limit", "Request took too long",
                    "The request body did not arrive within the gateway's limit of " + limit);
        }
    }

    /** method path status latency request client: never a token, never a query string (it may hold personal data). */
    private static String accessLine(RoutingContext context, String requestId, long nanos) {
        long tenthsOfMs = nanos / 100_000;
        return new StringBuilder(160).append(context.request().method().name()).append(' ')
                .append(context.request().path()).append(' ').append(context.response().getStatusCode()).append(' ')
                .append(tenthsOfMs / 10).append('.').append(tenthsOfMs % 10).append("ms request=").append(requestId)
                .append(" client=").append((String) context.get(CLIENT_KEY, "anonymous")).toString();
    }

    /** The route owning the path, or null after answering 413 (declared body too large) or 404. */
    private Route selectRoute(RoutingContext context) {
        String length = context.request().getHeader(CONTENT_LENGTH);
        if (length != null && parseLength(length) > maxBodyBytes) {
            problems.bodyTooLarge(context, maxBodyBytes);
            return null;
        }
        String path = context.request().path();
        Optional<Route> route = routes.routeFor(path);
        if (route.isEmpty()) {
            problems.send(context, 404, "not-found", "Resource not found", "No Kepu API is served at this path");
            return null;
        }
        // Metrics name the route, not the raw path: one series per event id would grow without bound.
        String template = route.get().template(path);
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(URL_PATH_TEMPLATE, template);
        } else {
            context.put(URL_PATH_TEMPLATE, template);
        }
        return route.get();
    }

    /** Without a token only the route's public reads pass; anything else is a 401 with a challenge. */
    private boolean admitsAnonymous(RoutingContext context, Route route) {
        if (!route.allowsAnonymous(context.request().method().name(), context.request().path())) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"kepu\"");
            problems.send(context, 401, "unauthorized", "Authentication required", "This request needs a bearer token");
            return false;
        }
        context.put(RATE_CLASS_KEY, "public-read");
        return true;
    }

    /** A presented token must be valid (signature, issuer, audience, expiry) whatever the route. */
    private boolean admitsToken(RoutingContext context) {
        String authorization = context.request().getHeader(AUTHORIZATION);
        Optional<JsonWebToken> token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? verifier.verify(authorization.substring(7).trim())
                : Optional.empty();
        if (token.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"kepu\", error=\"invalid_token\"");
            problems.send(context, 401, "unauthorized", "Authentication required",
                    "The bearer token is not valid (signature, issuer, audience or expiry)");
            return false;
        }
        context.put(CLIENT_KEY, token.get().getSubject());
        context.put(RATE_CLASS_KEY, "authenticated");
        return true;
    }

    /**
     * Token buckets per client and route class; the RateLimit headers (IETF draft) tell well-behaved clients how to
     * pace themselves, and a 429 says when to retry.
     */
    private boolean withinRateLimit(RoutingContext context) {
        String client = context.get(CLIENT_KEY, null);
        if (client == null) {
            client = "ip:"
                    + (context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress());
        }
        Optional<TokenBucket.Decision> decision = rateLimiter.take(context.get(RATE_CLASS_KEY), client);
        if (decision.isPresent()) {
            TokenBucket.Decision d = decision.get();
            context.response().putHeader("RateLimit-Limit", Integer.toString(d.limit()))
                    .putHeader("RateLimit-Remaining", Integer.toString(d.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(d.resetSeconds()));
            if (!d.allowed()) {
                context.response().putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
                problems.send(context, 429, "rate-limited", "Too many requests",
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
