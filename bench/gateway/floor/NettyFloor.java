import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * A reverse proxy on raw Netty: one event loop (epoll), each client connection paired with its own upstream
 * connection (HTTP/1.1 without pipelining asks one thing at a time), messages aggregated and written on. The floor
 * below Vert.x, measured beside the gateway (run.sh with FLOOR=1); not part of the product, and it skips all the
 * care a real proxy needs (hop-by-hop headers, errors, limits).
 * Usage: java -cp <gateway's lib/main jars>:. NettyFloor PORT UPSTREAM_PORT
 */
public class NettyFloor {

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        EventLoopGroup loop = new EpollEventLoopGroup(1);
        new ServerBootstrap().group(loop).channel(EpollServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new ClientSide(upstream));
                    }
                }).bind("127.0.0.1", port).sync();
        System.out.println("netty floor on " + port);
    }

    /** Reads a client's requests and sends them on its own upstream connection, opened with the first. */
    static final class ClientSide extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final int upstream;
        private Channel upstreamChannel;

        ClientSide(int upstream) {
            this.upstream = upstream;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            request.retain().headers().set(HttpHeaderNames.HOST, "127.0.0.1:" + upstream);
            if (upstreamChannel != null) {
                upstreamChannel.writeAndFlush(request);
                return;
            }
            Channel client = context.channel();
            new Bootstrap().group(client.eventLoop()).channel(EpollSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ignored,
                                                FullHttpResponse answer) {
                                            client.writeAndFlush(answer.retain());
                                        }
                                    });
                        }
                    }).connect("127.0.0.1", upstream).addListener((ChannelFutureListener) connected -> {
                        upstreamChannel = connected.channel();
                        upstreamChannel.writeAndFlush(request);
                    });
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (upstreamChannel != null) {
                upstreamChannel.close();
            }
        }
    }
}
