package org.kepu.gateway.rest;

import java.net.ConnectException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Instance;
import org.kepu.gateway.domain.Route;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards a request to one instance of its service and streams the answer back: method, path, query, headers and
 * body pass through unbuffered; hop-by-hop headers stay behind; {@code X-Forwarded-*} and the request id are added.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    /** RFC 9110 §7.6.1 connection-specific headers, plus Host, which the client sets for the upstream. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "proxy-connection");

    private static final String BODY_TOO_LARGE = "kepu.body-too-large";

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final long maxBodyBytes;
    private final int responseBufferBytes;
    private final ProblemResponses problems;
    /**
     * One client per event loop, so a request, its upstream connection and its response stay on one thread: a shared
     * pool hands connections across event loops, and every such request then pays two thread hand-offs.
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();

    public UpstreamProxy(Vertx vertx, GatewayConfig config, ProblemResponses problems) {
        this.vertx = vertx;
        this.problems = problems;
        this.maxBodyBytes = config.maxBodyBytes();
        this.responseBufferBytes = config.responseBufferBytes();
        this.clientOptions = new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis());
    }

    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(),
                thread -> vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(64)));
    }

    void forward(RoutingContext context, Route route) {
        HttpServerRequest in = context.request();
        long now = System.nanoTime();
        Optional<Instance> chosen = route.nextInstance(now);
        if (chosen.isEmpty()) {
            // Every instance failed recently: answer at once rather than make the client wait on a dead service.
            context.response().putHeader("Retry-After", Long.toString(route.secondsUntilRetry(now)));
            problems.send(context, 503, "upstream-unavailable", "Service unavailable",
                    "The " + route.service() + " service is failing; the gateway stopped sending it requests for a moment");
            return;
        }
        Instance instance = chosen.get();
        URI target = instance.uri();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(target.getHost())
                .setPort(target.getPort()).setURI(instance.basePath() + in.uri())
                .setIdleTimeout(route.timeout().toMillis());
        client().request(options).compose(out -> {
            context.put(GatewayRoutes.UPSTREAM_REQUEST, out);
            return switch (copyRequestHeaders(context, in, out)) {
                case SIZED -> out.send(in); // the declared length was checked against the limit already
                case CHUNKED -> sendWithinLimit(context, in, out);
                case NONE -> {
                    in.resume(); // no body to stream: let the request end
                    yield out.send();
                }
            };
        }).onSuccess(upstream -> {
            instance.succeeded();
            if (!context.get(GatewayRoutes.TIMED_OUT, false)) {
                relayResponse(context, upstream);
            }
        }).onFailure(failure -> {
            if (context.get(GatewayRoutes.TIMED_OUT, false)) {
                return; // answered by the time limit
            }
            if (context.get(BODY_TOO_LARGE, false)) {
                problems.bodyTooLarge(context, maxBodyBytes);
                return;
            }
            instance.failed(System.nanoTime());
            upstreamFailed(context, route, target, failure);
        });
    }

    /**
     * Streams a body of undeclared length (chunked), counting it: past the limit the upstream request is abandoned
     * and the client gets 413. The rest of the client's body is read and dropped, so that it can read the answer.
     */
    private Future<HttpClientResponse> sendWithinLimit(RoutingContext context, HttpServerRequest in,
            HttpClientRequest out) {
        long[] received = {0};
        in.handler(chunk -> {
            if (context.get(BODY_TOO_LARGE, false)) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                context.put(BODY_TOO_LARGE, true);
                out.reset();
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(drained -> in.resume());
            }
        });
        in.endHandler(end -> {
            if (!context.get(BODY_TOO_LARGE, false)) {
                out.end();
            }
        });
        in.exceptionHandler(failure -> out.reset(0, failure));
        in.resume();
        return out.response();
    }

    /** How a request's body reaches the upstream. */
    private enum Body {
        /** Content-Length declared (and already checked against the limit) */
        SIZED,
        /** Transfer-Encoding: chunked; counted while it streams */
        CHUNKED,
        /** none */
        NONE
    }

    /** Copies the end-to-end headers and adds the forwarding ones; says whether and how a body follows. */
    private static Body copyRequestHeaders(RoutingContext context, HttpServerRequest in, HttpClientRequest out) {
        MultiMap headers = out.headers();
        in.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        String clientAddress = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String priorFor = in.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", priorFor == null ? clientAddress : priorFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        headers.set(GatewayRoutes.REQUEST_ID, (String) context.get(GatewayRoutes.REQUEST_ID));
        String length = in.getHeader("Content-Length");
        if (length != null) {
            out.putHeader("Content-Length", length);
            return Body.SIZED;
        }
        if (in.headers().contains("Transfer-Encoding")) {
            out.setChunked(true);
            return Body.CHUNKED;
        }
        return Body.NONE;
    }

    private void relayResponse(RoutingContext context, HttpClientResponse upstream) {
        HttpServerResponse response = context.response();
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey()) && !header.getKey().equalsIgnoreCase(GatewayRoutes.REQUEST_ID)) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        String length = upstream.headers().get("Content-Length");
        if (length == null) {
            response.setChunked(true);
        } else if (GatewayRoutes.parseLength(length) <= responseBufferBytes) {
            // Small answers (most API responses) go out in one write: no pipe, no second flush.
            upstream.body().onSuccess(response::end).onFailure(failure -> {
                if (!response.headWritten() && !context.get(GatewayRoutes.TIMED_OUT, false)) {
                    // Drop the upstream's headers (its Content-Length above all) but keep the request id.
                    response.headers().clear();
                    response.putHeader(GatewayRoutes.REQUEST_ID, (String) context.get(GatewayRoutes.REQUEST_ID));
                    problems.send(context, 502, "upstream-failed", "Bad gateway",
                            "The service closed the connection in the middle of its answer");
                }
            });
            return;
        }
        upstream.pipeTo(response);
    }

    private void upstreamFailed(RoutingContext context, Route route, URI instance, Throwable failure) {
        LOG.warnf("Upstream %s (%s) failed for %s %s: %s", route.service(), instance, context.request().method(),
                context.request().path(), failure.toString());
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            problems.send(context, 504, "upstream-timeout", "Service did not answer in time",
                    "The " + route.service() + " service did not answer within " + route.timeout().toMillis()
                            + " ms; try again later");
        } else if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            problems.send(context, 503, "upstream-unavailable", "Service unavailable",
                    "The " + route.service() + " service cannot be reached right now; try again later");
        } else {
            problems.send(context, 502, "upstream-failed", "Bad gateway",
                    "The " + route.service() + " service closed the connection unexpectedly");
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
