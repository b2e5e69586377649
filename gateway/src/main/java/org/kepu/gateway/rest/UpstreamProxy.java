package org.kepu.gateway.rest;

import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

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
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Forwards a request to one instance of its service and streams the answer back: method, path, query, headers and
 * body pass through unbuffered; hop-by-hop headers stay behind; {@code X-Forwarded-*} and the request id are added.
 */
@Singleton
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

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

    void forward(Exchange exchange, Route route) {
        if (exchange.clientGone) {
            return; // left while its token was checked
        }
        HttpServerRequest in = exchange.request;
        long now = System.nanoTime();
        Optional<Instance> chosen = route.nextInstance(now);
        if (chosen.isEmpty()) {
            // Every instance failed recently: answer at once rather than make the client wait on a dead service.
            exchange.response.putHeader("Retry-After", Long.toString(route.secondsUntilRetry(now)));
            problems.send(exchange.response, 503, "upstream-unavailable", "Service unavailable",
                    "The " + route.service() + " service is failing; the gateway stopped sending it requests for a moment");
            return;
        }
        Instance instance = chosen.get();
        URI target = instance.uri();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(target.getHost())
                .setPort(target.getPort()).setURI(instance.basePath() + in.uri())
                .setIdleTimeout(route.timeout().toMillis());
        client().request(options).compose(out -> {
            exchange.upstream = out;
            // Failures before the answer reach the future below; later ones (the gateway abandoning a call whose
            // answer had begun: time limit, client gone) are expected and would otherwise be logged as errors.
            out.exceptionHandler(failure -> LOG.debugf("Upstream call for %s ended early: %s", exchange.requestId,
                    failure.toString()));
            if (exchange.clientGone) {
                out.reset(); // left while the connection was being found
            }
            return switch (copyRequestHeaders(exchange, in, out)) {
                case SIZED -> out.send(in); // the declared length was checked against the limit already
                case CHUNKED -> sendWithinLimit(exchange, in, out);
                case NONE -> {
                    in.resume(); // no body to stream: let the request end
                    yield out.send();
                }
            };
        }).onSuccess(upstream -> {
            instance.succeeded();
            if (!exchange.timedOut && !exchange.clientGone) {
                relayResponse(exchange, upstream);
            }
        }).onFailure(failure -> {
            if (exchange.timedOut || exchange.clientGone) {
                return; // answered by the time limit, or nobody is left to answer
            }
            if (exchange.bodyTooLarge) {
                problems.bodyTooLarge(exchange.response, maxBodyBytes);
                return;
            }
            instance.failed(System.nanoTime());
            upstreamFailed(exchange, route, target, failure);
        });
    }

    /**
     * Streams a body of undeclared length (chunked), counting it: past the limit the upstream request is abandoned
     * and the client gets 413. The rest of the client's body is read and dropped, so that it can read the answer.
     */
    private Future<HttpClientResponse> sendWithinLimit(Exchange exchange, HttpServerRequest in,
            HttpClientRequest out) {
        long[] received = {0};
        in.handler(chunk -> {
            if (exchange.bodyTooLarge) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                exchange.bodyTooLarge = true;
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
            if (!exchange.bodyTooLarge) {
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
        /** Transfer-Encoding: chunked, or an HTTP/2 stream of undeclared length; counted while it streams */
        CHUNKED,
        /** none */
        NONE
    }

    /** Copies the end-to-end headers and adds the forwarding ones; says whether and how a body follows. */
    private static Body copyRequestHeaders(Exchange exchange, HttpServerRequest in, HttpClientRequest out) {
        MultiMap headers = out.headers();
        in.headers().forEach(header -> {
            if (!isHopByHop(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        String clientAddress = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String priorFor = in.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", priorFor == null ? clientAddress : priorFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        String host = in.getHeader("Host"); // HTTP/1.1's authority, as the client wrote it
        if (host == null && in.authority() != null) {
            host = in.authority().toString(); // HTTP/2 carries it in :authority
        }
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set(ApiPipeline.REQUEST_ID, exchange.requestId);
        String length = in.getHeader("Content-Length");
        if (length != null) {
            out.putHeader("Content-Length", length);
            return Body.SIZED;
        }
        if (in.headers().contains("Transfer-Encoding") || in.version() == HttpVersion.HTTP_2 && !in.isEnded()) {
            out.setChunked(true);
            return Body.CHUNKED;
        }
        return Body.NONE;
    }

    private void relayResponse(Exchange exchange, HttpClientResponse upstream) {
        HttpServerResponse response = exchange.response;
        response.setStatusCode(upstream.statusCode());
        upstream.headers().forEach(header -> {
            if (!isHopByHop(header.getKey()) && !header.getKey().equalsIgnoreCase(ApiPipeline.REQUEST_ID)) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        String length = upstream.headers().get("Content-Length");
        if (length == null) {
            response.setChunked(true);
        } else if (ApiPipeline.parseLength(length) <= responseBufferBytes) {
            // Small answers (most API responses) go out in one write: no pipe, no second flush.
            upstream.body().onSuccess(response::end).onFailure(failure -> {
                if (!response.headWritten() && !exchange.timedOut) {
                    // Drop the upstream's headers (its Content-Length above all) but keep the request id.
                    response.headers().clear();
                    response.putHeader(ApiPipeline.REQUEST_ID, exchange.requestId);
                    problems.send(response, 502, "upstream-failed", "Bad gateway",
                            "The service closed the connection in the middle of its answer");
                }
            });
            return;
        }
        upstream.pipeTo(response);
    }

    private void upstreamFailed(Exchange exchange, Route route, URI instance, Throwable failure) {
        LOG.warnf("Upstream %s (%s) failed for %s %s: %s", route.service(), instance, exchange.request.method(),
                exchange.request.path(), failure.toString());
        HttpServerResponse response = exchange.response;
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
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
     * RFC 9110 §7.6.1 connection-specific headers, plus Host, which the client sets for the upstream. Every header
     * of every request and answer passes here, so the length picks the candidates before any text is compared.
     */
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

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
