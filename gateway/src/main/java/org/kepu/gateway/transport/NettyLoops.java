package org.kepu.gateway.transport;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;

import java.net.InetSocketAddress;

/**
 * Vert.x's Netty event loops as the relay needs them, through public API only: the loop running the current request
 * (its timers and its upstream connections live there, so a request never changes threads), the channel types of the
 * transport Vert.x chose (epoll where available, else NIO), and a non-blocking DNS resolver for the upstreams' names.
 * <p>
 * {@link Vertx#nettyEventLoopGroup()} is public; the loop of the current thread is the one of its loops that says it
 * runs here, looked up once per thread. The transport follows {@link Vertx#isNativeTransportEnabled()}: epoll is the
 * only native transport on the gateway's class path (pom.xml). The resolver is Netty's own, reading
 * {@code /etc/resolv.conf} (servers, search domains) and {@code /etc/hosts} as Vert.x's does.
 */
@Singleton
public class NettyLoops {

    private final EventLoopGroup group;
    private final ChannelFactory<? extends SocketChannel> socketChannels;
    private final DnsAddressResolverGroup resolver;
    private final FastThreadLocal<EventLoop> current = new FastThreadLocal<>() {
        @Override
        protected EventLoop initialValue() {
            for (EventExecutor loop : group) {
                if (loop.inEventLoop()) {
                    return (EventLoop) loop;
                }
            }
            return null;
        }
    };

    public NettyLoops(Vertx vertx) {
        this.group = vertx.nettyEventLoopGroup();
        boolean epoll = vertx.isNativeTransportEnabled() && Epoll.isAvailable();
        this.socketChannels = new ReflectiveChannelFactory<>(epoll ? EpollSocketChannel.class : NioSocketChannel.class);
        Class<? extends DatagramChannel> datagrams = epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder().datagramChannelType(datagrams)
                .nameServerProvider(DnsServerAddressStreamProviders.platformDefault()));
    }

    /** The event loop running the caller, which must be one of Vert.x's event loops. */
    public EventLoop current() {
        EventLoop loop = current.get();
        if (loop == null) {
            throw new IllegalStateException("Not on a Vert.x event loop: " + Thread.currentThread().getName());
        }
        return loop;
    }

    /** Makes TCP channels of the transport the event loops run. */
    ChannelFactory<? extends SocketChannel> socketChannels() {
        return socketChannels;
    }

    /** Resolves upstream host names without blocking the event loop. */
    AddressResolverGroup<InetSocketAddress> resolver() {
        return resolver;
    }

    @PreDestroy
    void close() {
        resolver.close();
    }
}
