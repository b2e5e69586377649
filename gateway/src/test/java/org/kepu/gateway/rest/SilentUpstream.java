package org.kepu.gateway.rest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A service that takes every request and never answers, routed at {@code /api/v1/silent} (a 30 s route timeout, so
 * only the gateway's 2 s request time limit can end a request), and a free port for the gateway to listen on.
 */
public class SilentUpstream implements QuarkusTestResourceLifecycleManager {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private ExecutorService workers;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            workers = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    stopped.await(30, TimeUnit.SECONDS); // holds the request open, answering nothing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.setExecutor(workers);
            server.start();
            return Map.of("kepu.gateway.host", "127.0.0.1", "kepu.gateway.port", Integer.toString(freePort()),
                    "kepu.gateway.request-time-limit", "2s",
                    "kepu.gateway.services.silent.prefixes", "/api/v1/silent",
                    "kepu.gateway.services.silent.urls", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "kepu.gateway.services.silent.anonymous-reads", "/api/v1/silent",
                    "kepu.gateway.services.silent.anonymous-writes", "POST /api/v1/silent/uploads",
                    "kepu.gateway.services.silent.timeout", "30s");
        } catch (IOException e) {
            throw new IllegalStateException("The silent upstream could not start", e);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        server.stop(0);
        workers.shutdownNow();
    }

    /** A port free now, for the gateway to listen on. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
