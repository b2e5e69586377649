package org.kepu.gateway.config;

import java.time.Duration;
import java.util.List;

import org.kepu.gateway.domain.ClientLabel;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's routing table and limits ({@code kepu.gateway.*}). */
@ConfigMapping(prefix = "kepu.gateway")
public interface GatewayConfig {

    /**
     * The interface the public listener binds; follows {@code quarkus.http.host}, so the gateway is configured like
     * any service.
     */
    String host();

    /** The public port; follows {@code quarkus.http.port} ({@code KEPU_GATEWAY_PORT}, 8080). */
    int port();

    /**
     * Event loops serving the public port, each with its own upstream connections; follows
     * {@code quarkus.http.io-threads}, else one per core.
     */
    Optional<Integer> ioThreads();

    /** Largest request head (request line and headers) accepted; larger ones get 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /** How long a client's keep-alive connection may sit idle before the gateway closes it (nginx: 75 s). */
    @WithDefault("75s")
    Duration idleTimeout();

    /** Cross-origin access for the web front ends. */
    Cors cors();

    /** The services behind the gateway, by a short name (events, venues, reports). */
    Map<String, Upstream> services();

    /** How long to wait for a TCP connection to an upstream instance. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * Keep-alive connections each event loop may hold to one upstream instance; requests beyond wait for one to come
     * free (within the request time limit).
     */
    @WithDefault("64")
    int upstreamConnectionsPerLoop();

    /**
     * How long an idle upstream connection is kept for reuse; older ones are closed rather than risk the service
     * closing them as they are reused. Keep it below the services' own idle timeout.
     */
    @WithDefault("60s")
    Duration upstreamKeepAlive();

    /** Consecutive connection failures or timeouts after which an instance is skipped for a while. */
    @WithDefault("3")
    int failuresBeforeEjection();

    /** How long an ejected instance is skipped before one trial request is let through. */
    @WithDefault("10s")
    Duration ejectionTime();

    /** Largest request body accepted (by its Content-Length); larger requests get 413 without reaching a service. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * How long one request may take in all, from its arrival to the end of its answer: a client that trickles its body
     * gets 408, a service that trickles its answer 504 (each route's {@code timeout} only bounds silence).
     */
    @WithDefault("60s")
    Duration requestTimeLimit();

    /**
     * On shutdown, how long the requests in flight may take to finish before the listener closes. Meanwhile the
     * gateway reports itself not ready (so that a load balancer stops sending it requests), still answers what
     * arrives, and closes each connection after its answer, so that clients move to another replica.
     */
    @WithDefault("20s")
    Duration shutdownGrace();

    /**
     * An answer of declared length up to this many bytes is read whole and sent on in one write, as nginx's proxy
     * buffering does; larger or chunked answers stream through. 0 streams everything.
     */
    @WithDefault("65536")
    int responseBufferBytes();

    /** Rate limits per client and route class: {@code public-read} (anonymous reads) and {@code authenticated}. */
    Map<String, RateLimit> rateLimits();

    /** A token bucket: {@code capacity} requests at once, refilled at {@code perSecond}. */
    interface RateLimit {
        int capacity();

        double perSecond();
    }

    /**
     * Addresses or CIDR ranges of the proxies in front of the gateway (a load balancer, the Kubernetes ingress) whose
     * {@code X-Forwarded-For} is believed when the rate limiter and the access line name a client; none by default, so
     * a client cannot pick its own address. {@code KEPU_GATEWAY_TRUSTED_PROXIES=10.0.0.0/8,...}
     */
    Optional<List<String>> trustedProxies();

    /** What the access line writes. */
    AccessLogSettings accessLog();

    /** What the access line writes of an authenticated caller. */
    interface AccessLogSettings {

        /** {@code HASHED} (default: a keyed hash of the token subject), {@code SUBJECT} or {@code NONE}. */
        @WithDefault("HASHED")
        ClientLabel.Mode client();

        /**
         * The key of the subject's hash; give every replica the same one so a caller's lines can be followed across
         * them. Without it each process makes a random key, and hashes differ after a restart.
         */
        Optional<String> hashKey();

        /**
         * A file for the access lines instead of standard output (where containers and log shippers expect them),
         * rotated by size: {@code KEPU_GATEWAY_ACCESS_LOG_FILE}. deploy/run.sh sets it, so a local gateway under load
         * cannot fill the disk.
         */
        Optional<String> file();

        /** The size at which the file is moved aside and a new one begun. */
        @WithDefault("50M")
        MemorySize maxFileSize();

        /** How many moved-aside files are kept ({@code name.1} the newest); older ones are deleted. */
        @WithDefault("5")
        int maxBackups();

        /**
         * Whether each line is a JSON object (timestamp, method, path, status, durationMs, requestId, traceId, client,
         * from) rather than text; application.properties makes it follow the application log's JSON switch.
         */
        @WithDefault("false")
        boolean json();
    }

    /** How long a merged OpenAPI document is reused before the services are asked again. */
    @WithDefault("30s")
    Duration openapiCacheTtl();

    /** One service: the path prefixes it owns and the instances that serve them. */
    interface Upstream {

        /** Path prefixes routed to this service, e.g. {@code /api/v1/events}. */
        List<String> prefixes();

        /** Base URLs of the service's instances; requests rotate over them. */
        List<String> urls();

        /** Longest wait for a response to start; past it the client gets 504. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Prefixes under which anonymous GET and HEAD requests pass; everything else needs a valid token. The
         * service still decides what each caller may see.
         */
        @WithDefault("")
        List<String> anonymousReads();

        /**
         * Writes the public makes without an account, as {@code METHOD /path} with {@code *} for one segment (e.g.
         * {@code POST /api/v1/events/*}{@code /registrations}); exactly that path, nothing below it.
         */
        Optional<List<String>> anonymousWrites();
    }

    /** CORS: which browser origins may call the API, and what they may send and read. */
    interface Cors {

        /** Origins allowed exactly as a browser sends them, e.g. {@code https://kepu.example.org}. */
        List<String> origins();

        /** Methods a preflight may ask for. */
        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS")
        List<String> methods();

        /** Request headers a preflight may ask for (compared ignoring case). */
        @WithDefault("Authorization,Content-Type,If-Match,If-None-Match,Idempotency-Key,X-Request-Id")
        List<String> headers();

        /** Response headers a page's script may read beyond the CORS-safelisted ones. */
        @WithDefault("ETag,Location,X-Request-Id,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset")
        List<String> exposedHeaders();

        /** How long a browser may reuse a preflight's answer. */
        @WithDefault("1H")
        Duration maxAge();
    }
}
