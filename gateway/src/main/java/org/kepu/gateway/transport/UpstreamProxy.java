package org.kepu.gateway.transport;

import java.net.ConnectException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.kepu.common.rest.RequestIds;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Instance;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.TrustedProxies;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaders;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Forwards a request to one instance of its service and streams the answer back: method, path, query, headers and
 * body pass through unbuffered; hop-by-hop headers stay behind; {@code X-Forwarded-*}, the request id and the
 * gateway's trace context ({@code traceparent}) are added.
 * The round trip itself is an {@link UpstreamCall} on a connection from {@link UpstreamConnections}; this class
 * chooses the instance, writes the forwarded head and turns failures into problems.
 */
@Singleton
public class UpstreamProxy {

    static final String CONTENT_LENGTH = "Content-Length";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String TRACESTATE = "tracestate";
    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    private final UpstreamConnections connections;
    private final long maxBodyBytes;
    private final int responseBufferBytes;
    private final ProblemResponses problems;
    private final TrustedProxies trustedProxies;

    public UpstreamProxy(UpstreamConnections connections, GatewayConfig config, ProblemResponses problems,
            TrustedProxies trustedProxies) {
        this.connections = connections;
        this.problems = problems;
        this.trustedProxies = trustedProxies;
        this.maxBodyBytes = config.maxBodyBytes();
        this.responseBufferBytes = config.responseBufferBytes();
    }

    public void forward(Exchange exchange, Route route) {
        long now = System.nanoTime();
        Optional<Instance> chosen = route.nextInstance(now);
        if (chosen.isEmpty()) {
            // Every instance failed recently: answer at once rather than make the client wait on a dead service.
            exchange.response().putHeader("Retry-After", Long.toString(route.secondsUntilRetry(now)));
            problems.send(exchange.response(), 503, "upstream-unavailable", "Service unavailable",
                    "The " + route.service() + " service is failing; the gateway stopped sending it requests for a moment");
            return;
        }
        UpstreamCall call = new UpstreamCall(this, exchange, route, chosen.get());
        exchange.calling(call);
        connections.acquire(exchange.loop(), chosen.get(), call);
    }

    UpstreamConnections connections() {
        return connections;
    }

    ProblemResponses problems() {
        return problems;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    int responseBufferBytes() {
        return responseBufferBytes;
    }

    /** How a request's body reaches the upstream. */
    enum Body {
        /** Content-Length declared (and already checked against the limit) */
        SIZED,
        /** Transfer-Encoding: chunked, or an HTTP/2 stream of undeclared length; counted while it streams */
        CHUNKED,
        /** none */
        NONE
    }

    /** Copies the end-to-end headers and adds the forwarding ones; says whether and how a body follows. */
    Body copyRequestHeaders(Exchange exchange, Instance instance, HttpHeaders headers) {
        HttpServerRequest in = exchange.request();
        Set<String> named = namedInConnection(in.headers().getAll("Connection"));
        in.headers().forEach(header -> {
            String name = header.getKey();
            // Expect was answered here (100 Continue), so the service must not wait for it or answer it again.
            if (!isHopByHop(name) && !isNamed(named, name) && !name.equalsIgnoreCase("expect")) {
                headers.add(name, header.getValue());
            }
        });
        headers.set("Host", instance.authority());
        String peer = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String priorFor = in.getHeader(X_FORWARDED_FOR);
        // The chain a trusted proxy built is kept and extended; from anyone else the header is the client's own word,
        // so the service gets only the address the gateway saw.
        headers.set(X_FORWARDED_FOR,
                priorFor == null || !trustedProxies.trusts(peer) ? peer : priorFor + ", " + peer);
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        String host = in.getHeader("Host"); // HTTP/1.1's authority, as the client wrote it
        if (host == null && in.authority() != null) {
            host = in.authority().toString(); // HTTP/2 carries it in :authority
        }
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set(RequestIds.HEADER, exchange.admission().requestId());
        // The service's spans are children of the gateway's: the caller's traceparent, copied above, is replaced by
        // the gateway's span in the same trace (or a new trace when the caller's was missing or malformed, whose
        // tracestate then goes too, as W3C Trace Context asks; a valid one's travels on in the span's context).
        headers.remove(TRACESTATE);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(exchange.trace()), headers,
                (out, name, value) -> out.set(name, value));
        if (headers.contains(CONTENT_LENGTH)) {
            return Body.SIZED;
        }
        if (in.headers().contains("Transfer-Encoding") || in.version() == HttpVersion.HTTP_2 && !in.isEnded()) {
            headers.set("Transfer-Encoding", "chunked");
            return Body.CHUNKED;
        }
        return Body.NONE;
    }

    /** The call failed before its answer could be relayed: 504 for silence, 503 for no connection, 502 otherwise. */
    void upstreamFailed(Exchange exchange, Route route, Instance instance, Throwable failure) {
        exchange.inLogContext(() -> LOG.warnf("Upstream %s (%s) failed for %s %s: %s", route.service(),
                instance.uri(), exchange.request().method(), exchange.request().path(), failure.toString()));
        HttpServerResponse response = exchange.response();
        if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
            problems.send(response, 504, "upstream-timeout", "Service did not answer in time",
                    "The " + route.service() + " service did not answer within " + route.timeout().toMillis()
                            + " ms; try again later");
        } else if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            problems.send(response, 503, "upstream-unavailable", "Service unavailable",
                    "The " + route.service() + " service cannot be reached right now; try again later");
        } else {
            problems.send(response, 502, "upstream-failed", "Bad gateway",
                    "The " + route.service() + " service closed the connection unexpectedly");
        }
    }

    /**
     * RFC 9110 §7.6.1 connection-specific headers, plus Host, which the gateway sets for the upstream. Every header
     * of every request and answer passes here, so the length picks the candidates before any text is compared.
     */
    /**
     * The header names a message's {@code Connection} header lists (RFC 9110 §7.6.1): connection-specific for that
     * message, removed before it is forwarded. Lower case; empty for the usual {@code keep-alive} or {@code close}.
     */
    static Set<String> namedInConnection(List<String> connectionValues) {
        Set<String> named = null;
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("keep-alive") && !name.equals("close")) {
                    if (named == null) {
                        named = new HashSet<>();
                    }
                    named.add(name);
                }
            }
        }
        return named == null ? Set.of() : named;
    }

    /** True when {@code name} is among the {@link #namedInConnection} names. */
    static boolean isNamed(Set<String> named, String name) {
        return !named.isEmpty() && named.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isHopByHop(String name) {
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("te");
            case 4 -> name.equalsIgnoreCase("host");
            case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16 -> name.equalsIgnoreCase("proxy-connection");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            case 18 -> name.equalsIgnoreCase("proxy-authenticate");
            case 19 -> name.equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }
}
