package org.kepu.gateway.transport;

import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.kepu.common.rest.RequestIds;
import org.kepu.gateway.domain.Instance;
import org.kepu.gateway.domain.RequestFraming;
import org.kepu.gateway.domain.Route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One request's round trip to an upstream instance: waits for a connection, writes the request head and streams its
 * body, then relays the answer to the client — read whole and sent in one write when it is small and of declared
 * length (as nginx's proxy buffering does), streamed with back-pressure otherwise. Everything happens on the
 * request's event loop.
 * <p>
 * It ends exactly once ({@link #done}): with the answer's last byte, with a failure turned into a problem
 * (502/503/504, 413 for a chunked body past the limit), or abandoned by the pipeline (client gone, time limit).
 */
final class UpstreamCall implements UpstreamConnections.Lease {

    private final UpstreamProxy proxy;
    private final Exchange exchange;
    private final Route route;
    private final Instance instance;
    private final long silenceNanos;
    private UpstreamConnection connection;
    private boolean done;
    private boolean retried;
    private boolean requestEnded;
    private boolean bodyless;
    private boolean pausedForUpstream;
    private long bodyBytes;
    /** The answer's head once it came; null before. */
    private HttpResponse head;
    /** An answer 1xx (100 Continue): not relayed, up to its end. */
    private boolean informational;
    /** A small answer being gathered; null when the answer streams. */
    private ByteBuf gathered;
    private long lastActivity;
    private ScheduledFuture<?> silenceCheck;

    UpstreamCall(UpstreamProxy proxy, Exchange exchange, Route route, Instance instance) {
        this.proxy = proxy;
        this.exchange = exchange;
        this.route = route;
        this.instance = instance;
        this.silenceNanos = route.timeout().toNanos();
    }

    @Override
    public void granted(UpstreamConnection granted) {
        if (done) {
            granted.release(true); // abandoned while waiting: nothing was sent on it
            return;
        }
        connection = granted;
        granted.begin(this);
        send();
    }

    @Override
    public void failed(Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        instance.failed(System.nanoTime());
        proxy.upstreamFailed(exchange, route, instance, cause);
    }

    private void send() {
        HttpServerRequest in = exchange.request();
        HttpHeaders headers = new DefaultHttpHeaders(true); // names checked again on the way out, as Netty's codec would
        UpstreamProxy.Body body = proxy.copyRequestHeaders(exchange, instance, headers);
        HttpMethod method = in.method().toNetty();
        // The path the gateway decided on (normalised), never the one received; the query passes as it came.
        String query = in.query();
        String uri = instance.basePath() + exchange.admission().path() + (query == null ? "" : "?" + query);
        Channel channel = connection.channel();
        lastActivity = System.nanoTime();
        silenceCheck = exchange.loop().schedule(this::checkSilence, silenceNanos, TimeUnit.NANOSECONDS);
        if (body == UpstreamProxy.Body.NONE) {
            bodyless = true;
            requestEnded = true;
            channel.writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER,
                    headers, EmptyHttpHeaders.INSTANCE), channel.voidPromise());
            if (!retried) {
                in.resume(); // no body to stream: let the request end
            }
            return;
        }
        channel.write(new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri, headers), channel.voidPromise());
        streamBody(in, channel, body == UpstreamProxy.Body.CHUNKED);
    }

    /**
     * Streams the client's body, pausing the client while the upstream connection is full. A body of undeclared length
     * is counted on the way: past the limit the call is abandoned and the client gets 413; the rest of its body is
     * read and dropped, so that it can read the answer. (A declared length was checked before.)
     */
    private void streamBody(HttpServerRequest in, Channel channel, boolean counted) {
        in.handler(chunk -> {
            if (done) {
                return;
            }
            if (counted && (bodyBytes += chunk.length()) > proxy.maxBodyBytes()) {
                abandon();
                proxy.problems().bodyTooLarge(exchange.response(), proxy.maxBodyBytes());
                return;
            }
            lastActivity = System.nanoTime();
            // Vert.x hands each chunk in a heap copy of its own, which Netty may write without releasing.
            channel.writeAndFlush(new DefaultHttpContent(chunk.getByteBuf()), channel.voidPromise());
            if (!channel.isWritable()) {
                pausedForUpstream = true;
                in.pause();
            }
        });
        in.endHandler(end -> {
            if (!done) {
                requestEnded = true;
                channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
            }
        });
        in.exceptionHandler(failure -> {
            abandon(); // the client's side broke; the pipeline logs it as gone
        });
        in.resume();
    }

    /** The upstream connection can take more of the client's body. */
    void upstreamWritable() {
        if (pausedForUpstream && !done) {
            pausedForUpstream = false;
            exchange.request().resume();
        }
    }

    void received(HttpObject message) {
        if (done) {
            if (message instanceof HttpContent content) {
                content.release();
            }
            return;
        }
        lastActivity = System.nanoTime();
        if (message instanceof HttpResponse response) {
            if (response.decoderResult().isFailure()) {
                broke(response.decoderResult().cause()); // not HTTP as we know it: no second try
                return;
            }
            if (response.status().code() < 200) {
                informational = true;
            } else {
                headReceived(response);
            }
        }
        if (message instanceof HttpContent content) {
            if (informational) {
                informational = !(content instanceof LastHttpContent);
                content.release();
            } else {
                bodyReceived(content);
            }
        }
    }

    private void headReceived(HttpResponse response) {
        head = response;
        instance.succeeded();
        String length = response.headers().get(UpstreamProxy.CONTENT_LENGTH);
        if (length != null && RequestFraming.declaredLength(length) <= proxy.responseBufferBytes()) {
            // Small answers (most API responses) go out in one write, head and body together.
            gathered = Unpooled.buffer((int) RequestFraming.declaredLength(length));
            return;
        }
        HttpServerResponse out = exchange.response();
        copyHead(out);
        if (length == null) {
            out.setChunked(true);
        }
        out.drainHandler(drained -> {
            if (!done) {
                connection.channel().config().setAutoRead(true);
            }
        });
    }

    private void copyHead(HttpServerResponse out) {
        out.setStatusCode(head.status().code());
        Set<String> named = UpstreamProxy.namedInConnection(head.headers().getAll("Connection"));
        for (Map.Entry<String, String> header : head.headers()) {
            String name = header.getKey();
            if (!UpstreamProxy.isHopByHop(name) && !name.equalsIgnoreCase(RequestIds.HEADER)
                    && !UpstreamProxy.isNamed(named, name)) {
                out.headers().add(name, header.getValue());
            }
        }
    }

    private void bodyReceived(HttpContent content) {
        ByteBuf data = content.content();
        HttpServerResponse out = exchange.response();
        if (gathered != null) {
            gathered.writeBytes(data);
        } else if (data.isReadable()) {
            // The service's bytes sit in Netty's pooled memory; Vert.x keeps what it is given, so it gets a copy.
            out.write(Buffer.buffer(Unpooled.copiedBuffer(data)));
            if (out.writeQueueFull()) {
                connection.channel().config().setAutoRead(false); // resumed by the response's drain handler
            }
        }
        content.release();
        if (content instanceof LastHttpContent) {
            end(requestEnded && HttpUtil.isKeepAlive(head));
            if (gathered != null) {
                copyHead(out);
                out.end(Buffer.buffer(gathered));
            } else {
                out.end();
            }
        }
    }

    /**
     * The connection closed or broke before the answer ended. A reused connection that closed before anything came
     * back was most likely closed by the service while idle: a request without a body is sent once more, on a new
     * connection, as nginx does.
     */
    void connectionLost(Throwable cause) {
        if (done) {
            return;
        }
        if (head == null && bodyless && connection.reused() && !retried) {
            retried = true;
            cancelSilenceCheck();
            connection = null;
            proxy.connections().acquire(exchange.loop(), instance, this);
            return;
        }
        broke(cause);
    }

    /** Not after the time limit or a client gone: both abandon the call first, so it is done and never gets here. */
    private void broke(Throwable cause) {
        end(false);
        if (head == null) {
            instance.failed(System.nanoTime());
            proxy.upstreamFailed(exchange, route, instance, cause == null ? new ClosedChannelException() : cause);
        } else {
            // The answer broke off: a gathered one has not begun, so the client still gets a whole answer.
            proxy.problems().send(exchange.response(), 502, "upstream-failed", "Bad gateway",
                    "The service closed the connection in the middle of its answer");
        }
    }

    /** The request time limit struck or the client left: the call stops, and its connection with it. */
    void abandon() {
        if (!done) {
            end(false);
            if (head == null) {
                instance.abandoned();
            }
        }
    }

    /** The service has been silent longer than the route allows: 504, or the answer under way is cut off. */
    private void checkSilence() {
        if (done) {
            return;
        }
        long silent = System.nanoTime() - lastActivity;
        if (silent < silenceNanos) {
            silenceCheck = exchange.loop().schedule(this::checkSilence, silenceNanos - silent,
                    TimeUnit.NANOSECONDS);
            return;
        }
        boolean answered = head != null;
        end(false);
        if (!answered) {
            instance.failed(System.nanoTime());
        }
        proxy.upstreamFailed(exchange, route, instance, new TimeoutException("silent for " + silent + " ns"));
    }

    private void end(boolean reusable) {
        done = true;
        cancelSilenceCheck();
        if (connection != null) {
            connection.release(reusable);
        }
    }

    private void cancelSilenceCheck() {
        if (silenceCheck != null) {
            silenceCheck.cancel(false);
            silenceCheck = null;
        }
    }
}
