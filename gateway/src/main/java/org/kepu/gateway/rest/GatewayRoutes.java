package org.kepu.gateway.rest;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.domain.TokenBucket;
import org.kepu.gateway.service.RateLimiter;
import org.kepu.gateway.service.TokenVerifier;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Installs the gateway's request pipeline on Quarkus' router: request id and access log, authentication, then the
 * proxy to the owning service; unknown API paths get a 404 problem.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String REQUEST_ID = "X-Request-Id";
    private static final String ROUTE_KEY = "kepu.route";
    private static final String CLIENT_KEY = "kepu.client";
    private static final String RATE_CLASS_KEY = "kepu.rate-class";
    private static final Logger ACCESS = Logger.getLogger("kepu.gateway.access");

    private final RouteTable routes;
    private final TokenVerifier verifier;
    private final UpstreamProxy proxy;
    private final ProblemResponses problems;
    private final RateLimiter rateLimiter;
    private final long maxBodyBytes;

    public GatewayRoutes(RouteTable routes, TokenVerifier verifier, UpstreamProxy proxy, ProblemResponses problems,
            RateLimiter rateLimiter, GatewayConfig config) {
        this.routes = routes;
        this.verifier = verifier;
        this.proxy = proxy;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::identifyRequest);
        router.route("/api/*").order(-99).handler(this::selectRoute);
        router.route("/api/*").order(-98).handler(this::authenticateOffTheEventLoop);
        router.route("/api/*").order(-97).handler(this::limitRate);
        router.route("/api/*").order(-96).handler(context -> proxy.forward(context, context.get(ROUTE_KEY)));
    }

    /** Takes the caller's request id or makes one, returns it, and logs one access line when the response ends. */
    private void identifyRequest(RoutingContext context) {
        // Hold the body until the proxy streams it upstream; authentication may hop to a worker thread first.
        context.request().pause();
        String requestId = Optional.ofNullable(context.request().getHeader(REQUEST_ID)).filter(GatewayRoutes::isSafeId)
                .orElseGet(GatewayRoutes::newRequestId);
        context.put(REQUEST_ID, requestId);
        context.response().putHeader(REQUEST_ID, requestId);
        long started = System.nanoTime();
        context.addEndHandler(done -> ACCESS.infof("%s %s %d %.1fms request=%s client=%s",
                context.request().method(), context.request().path(), context.response().getStatusCode(),
                (System.nanoTime() - started) / 1e6, requestId, context.get(CLIENT_KEY, "anonymous")));
        context.next();
    }

    private void selectRoute(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && parseLength(length) > maxBodyBytes) {
            problems.send(context, 413, "payload-too-large", "Request body too large",
                    "Request bodies may be at most " + maxBodyBytes + " bytes");
            return;
        }
        Optional<Route> route = routes.routeFor(context.request().path());
        if (route.isEmpty()) {
            problems.send(context, 404, "not-found", "Resource not found", "No Kepu API is served at this path");
            return;
        }
        context.put(ROUTE_KEY, route.get());
        context.next();
    }

    /**
     * Verifying a token may fetch a JWKS, so it runs on a worker thread; a request without a token is decided on the
     * event loop, saving two thread hops on every anonymous read.
     */
    private void authenticateOffTheEventLoop(RoutingContext context) {
        if (context.request().getHeader("Authorization") == null) {
            if (admits(context)) {
                context.next();
            }
        } else {
            // The continuation runs back on the event loop, where the proxy must start.
            context.vertx().executeBlocking(() -> admits(context), false).onComplete(admitted -> {
                if (admitted.succeeded() && admitted.result()) {
                    context.next();
                } else if (admitted.failed()) {
                    problems.send(context, 500, "internal-error", "Internal error", "Authentication failed unexpectedly");
                }
            });
        }
    }

    /**
     * A presented token must be valid; without one, only the route's public reads pass. Answers the refusal itself
     * and returns false, or returns true to let the request on.
     */
    private boolean admits(RoutingContext context) {
        Route route = context.get(ROUTE_KEY);
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null) {
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
        } else if (!route.allowsAnonymous(context.request().method().name(), context.request().path())) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"kepu\"");
            problems.send(context, 401, "unauthorized", "Authentication required", "This request needs a bearer token");
            return false;
        } else {
            context.put(RATE_CLASS_KEY, "public-read");
        }
        return true;
    }

    /**
     * Token buckets per client and route class; the RateLimit headers (IETF draft) tell well-behaved clients how to
     * pace themselves, and a 429 says when to retry.
     */
    private void limitRate(RoutingContext context) {
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
                return;
            }
        }
        context.next();
    }

    private static long parseLength(String value) {
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

    /** Request ids are echoed into logs and headers, so only plain tokens of sane length are accepted. */
    private static boolean isSafeId(String id) {
        return id.length() <= 128 && id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
}
