package org.kepu.gateway.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection to an upstream instance, and the end of its channel pipeline: what the service sends goes
 * to the call holding the connection. Runs on its event loop only.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

    private final UpstreamConnections.Pool pool;
    private Channel channel;
    private UpstreamCall call;
    /** Calls this connection has carried, the current one included: past the first it is a reused one. */
    private int calls;
    private long idleSince;

    UpstreamConnection(UpstreamConnections.Pool pool) {
        this.pool = pool;
    }

    Channel channel() {
        return channel;
    }

    long idleSince() {
        return idleSince;
    }

    /** Whether the current call is not the first on this connection: the service may have closed it meanwhile. */
    boolean reused() {
        return calls > 1;
    }

    void begin(UpstreamCall call) {
        this.call = call;
        calls++;
    }

    /** The call is done with the connection; reusable if both its request and its answer ended cleanly. */
    void release(boolean reusable) {
        call = null;
        idleSince = System.nanoTime();
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
        pool.release(this, reusable);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        channel = context.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (call != null) {
            call.received((HttpObject) message);
        } else {
            // Bytes nobody asked for: where the next answer would begin is unknown, so the connection goes.
            ReferenceCountUtil.release(message);
            context.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        UpstreamCall lost = call;
        call = null;
        if (lost != null) {
            lost.connectionLost(null);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        UpstreamCall lost = call;
        call = null;
        context.close();
        if (lost != null) {
            lost.connectionLost(cause);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (call != null && context.channel().isWritable()) {
            call.upstreamWritable();
        }
    }
}
