package org.kepu.gateway.rest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.transport.InFlightRequests;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The gateway's public port. API requests go from a plain Vert.x server straight into the {@link ApiPipeline}, the
 * web pages and their assets to {@link WebPages}; everything else — health, metrics, the merged OpenAPI, Swagger UI —
 * goes on to Quarkus' own router, in the same process. Quarkus' HTTP server itself does not listen ({@code quarkus.http.host-enabled=false}).
 * <p>
 * Why not a route on Quarkus' router: its per-request machinery (a routing context, security, CORS and context
 * propagation handlers, a request wrapper that re-checks every pause) costs a proxied request a good part of its CPU
 * (bench/gateway/README.md).
 */
@ApplicationScoped
public class PublicListener {

    private static final Logger LOG = Logger.getLogger(PublicListener.class);
    private static final Duration START_WITHIN = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ApiPipeline pipeline;
    private final GatewayConfig config;
    private final InFlightRequests inFlight;
    private final WebPages pages;
    private volatile String deployment;

    public PublicListener(Vertx vertx, ApiPipeline pipeline, GatewayConfig config, InFlightRequests inFlight,
            WebPages pages) {
        this.vertx = vertx;
        this.pages = pages;
        this.pipeline = pipeline;
        this.config = config;
        this.inFlight = inFlight;
    }

    /** Opens the port on every event loop, or fails the start if it cannot be bound. */
    void open(@Observes StartupEvent started) throws Exception {
        int eventLoops = config.ioThreads().orElse(Runtime.getRuntime().availableProcessors());
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
                .setMaxHeaderSize(config.maxHeaderBytes()).setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // The API's spans are the gateway's own (RequestTraces); Vert.x's tracing would add one more per request.
                .setTracingPolicy(TracingPolicy.IGNORE);
        // Quarkus' runtime class (not Vert.x's internals, but no published API either), kept because no public one
        // serves: its root handler is the chain Quarkus builds at start in front of its routers (the /q router beside
        // the application's, the root path, its filters), so health, metrics and OpenAPI answer on this port as on
        // Quarkus' own. Observing the Router event gives the application's router alone; the public alternatives, a
        // route on that router for the API or Quarkus listening on a second port behind this one, cost every API
        // request the router's machinery (the class comment) or every other request a second hop.
        Handler<HttpServerRequest> quarkus = VertxHttpRecorder.getRootHandler();
        // One server per event loop, all on one port: Vert.x spreads the connections over them.
        deployment = vertx.deployVerticle(() -> new Listener(options, quarkus), new DeploymentOptions()
                .setInstances(eventLoops)).toCompletionStage().toCompletableFuture()
                .get(START_WITHIN.toSeconds(), TimeUnit.SECONDS);
        LOG.infof("Gateway listening on http://%s:%d (%d event loops)", config.host(), config.port(), eventLoops);
    }

    /**
     * Closes the port once the requests in flight have ended (or the grace period is over), as nginx's graceful quit
     * does: a rolling restart must not cut answers off half-way.
     */
    void close(@Observes ShutdownEvent stopping) throws Exception {
        if (deployment != null) {
            LOG.infof("Gateway draining: waiting up to %s for the requests in flight", config.shutdownGrace());
            long left = inFlight.drain(config.shutdownGrace());
            if (left > 0) {
                LOG.warnf("Gateway closing with %d requests still in flight after %s", left, config.shutdownGrace());
            }
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** One event loop's server. */
    private final class Listener extends AbstractVerticle {

        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> quarkus;

        Listener(HttpServerOptions options, Handler<HttpServerRequest> quarkus) {
            this.options = options;
            this.quarkus = quarkus;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(options).requestHandler(this::dispatch)
                    .invalidRequestHandler(pipeline::handleInvalid).listen().<Void>mapEmpty()
                    .onComplete(started);
        }

        private void dispatch(HttpServerRequest request) {
            String path = request.path();
            if (path != null && path.startsWith("/api") && (path.length() == 4 || path.charAt(4) == '/')) {
                pipeline.handle(request);
            } else if (!pages.answer(request)) {
                quarkus.handle(request);
            }
        }
    }
}
