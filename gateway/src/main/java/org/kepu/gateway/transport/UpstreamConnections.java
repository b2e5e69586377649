package org.kepu.gateway.transport;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.Instance;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Keep-alive HTTP/1.1 connections to the upstream instances, kept apart per event loop: a request, its upstream
 * connection and its answer stay on one thread, and the pools need no locks. Each event loop holds up to
 * {@code kepu.gateway.upstream-connections-per-loop} connections to an instance; requests beyond that wait for one to
 * come free.
 * <p>
 * Netty channels rather than Vert.x's HTTP client: the client's request and response objects, futures and pool cost a
 * proxied request more CPU than relaying Netty's HTTP messages does (bench/gateway/README.md).
 */
@Singleton
public class UpstreamConnections {

    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_CHUNK = 8192;

    /** Vert.x's event loops: the channel type of its transport and a non-blocking resolver for the instances. */
    private final NettyLoops loops;
    private final int connectTimeoutMillis;
    private final int maxHeaderBytes;
    private final int maxPerInstance;
    private final long keepAliveNanos;
    private final ChannelGroup all = new DefaultChannelGroup("kepu-upstreams", GlobalEventExecutor.INSTANCE);
    private final FastThreadLocal<Map<Instance, Pool>> pools = new FastThreadLocal<>() {
        @Override
        protected Map<Instance, Pool> initialValue() {
            return new HashMap<>();
        }
    };

    public UpstreamConnections(NettyLoops loops, GatewayConfig config) {
        this.loops = loops;
        this.connectTimeoutMillis = (int) config.connectTimeout().toMillis();
        this.maxHeaderBytes = config.maxHeaderBytes();
        this.maxPerInstance = config.upstreamConnectionsPerLoop();
        this.keepAliveNanos = config.upstreamKeepAlive().toNanos();
    }

    /**
     * Hands the lease a connection to the instance — an idle one, a new one, or the next one freed — or the reason
     * none could be opened. Called on the event loop the connection is to live on.
     */
    void acquire(EventLoop loop, Instance instance, Lease lease) {
        Map<Instance, Pool> loopPools = pools.get();
        Pool pool = loopPools.get(instance);
        if (pool == null) { // not computeIfAbsent: its capturing lambda would be built on every request
            pool = new Pool(loop, instance);
            loopPools.put(instance, pool);
        }
        UpstreamConnection idle = pool.takeIdle(System.nanoTime());
        if (idle != null) {
            lease.granted(idle);
        } else if (pool.open < maxPerInstance) {
            pool.connect(lease);
        } else {
            pool.waiting.add(lease);
        }
    }

    /** What waits for a connection: a call to an upstream. */
    interface Lease {

        /** The connection is the caller's until it releases it. */
        void granted(UpstreamConnection connection);

        /** No connection could be opened (refused, timed out, name unknown). */
        void failed(Throwable cause);
    }

    @PreDestroy
    void close() {
        all.close();
    }

    /** One event loop's connections to one instance. Used on that loop only. */
    final class Pool {

        private final EventLoop loop;
        private final Instance instance;
        private final ArrayDeque<UpstreamConnection> idle = new ArrayDeque<>();
        private final ArrayDeque<Lease> waiting = new ArrayDeque<>();
        /** Connected or connecting. */
        private int open;

        Pool(EventLoop loop, Instance instance) {
            this.loop = loop;
            this.instance = instance;
        }

        private UpstreamConnection takeIdle(long now) {
            UpstreamConnection connection;
            while ((connection = idle.pollLast()) != null) {
                if (connection.channel().isActive() && now - connection.idleSince() < keepAliveNanos) {
                    return connection;
                }
                connection.channel().close();
            }
            return null;
        }

        private void connect(Lease lease) {
            open++;
            UpstreamConnection connection = new UpstreamConnection(this);
            ChannelFuture connecting = new Bootstrap().group(loop).channelFactory(loops.socketChannels())
                    .resolver(loops.resolver())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                    .option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(MAX_INITIAL_LINE, maxHeaderBytes,
                                    MAX_CHUNK, false, false), connection);
                        }
                    }).connect(instance.uri().getHost(), instance.port());
            Channel channel = connecting.channel();
            all.add(channel);
            channel.closeFuture().addListener(closed -> closed(connection));
            connecting.addListener(done -> {
                if (done.isSuccess()) {
                    lease.granted(connection);
                } else {
                    lease.failed(done.cause());
                }
            });
        }

        /**
         * A call is done with the connection: reused if it can be (the exchange ended cleanly on both sides), closed
         * otherwise.
         */
        void release(UpstreamConnection connection, boolean reusable) {
            if (!reusable || !connection.channel().isActive()) {
                connection.channel().close();
                return;
            }
            Lease next = waiting.poll();
            if (next != null) {
                next.granted(connection);
            } else {
                idle.addLast(connection);
            }
        }

        private void closed(UpstreamConnection connection) {
            open--;
            idle.remove(connection);
            Lease next = waiting.poll();
            if (next != null) {
                // A waiting call gets the place the closed connection held; if the instance is down, it learns so.
                connect(next);
            }
        }
    }
}
