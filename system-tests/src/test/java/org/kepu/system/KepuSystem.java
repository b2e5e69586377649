package org.kepu.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * Starts the four packaged services as real processes against the test stack (deploy/test.sh starts PostgreSQL and a
 * broker on 19092), once for the whole test run, and stops them when the run ends. Tests then speak to the gateway.
 */
public class KepuSystem implements BeforeAllCallback {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("KEPU_ROOT", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = ROOT.resolve("system-tests/target/service-logs");
    static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("KEPU_TEST_KAFKA_PORT", "19092");
    static final int GATEWAY_PORT = 18080;
    static final String GATEWAY = "http://127.0.0.1:" + GATEWAY_PORT;

    private static final List<Process> PROCESSES = new ArrayList<>();
    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        RestAssured.baseURI = GATEWAY;
        RestAssured.port = GATEWAY_PORT;
        synchronized (KepuSystem.class) {
            if (started) {
                return;
            }
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(KepuSystem::stopAll));
            Map<String, Map<String, String>> services = new LinkedHashMap<>();
            services.put("event-service", Map.of("QUARKUS_HTTP_PORT", "18081", "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:5432/kepu_event_test"));
            services.put("venue-service", Map.of("QUARKUS_HTTP_PORT", "18082", "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:5432/kepu_venue_test"));
            services.put("reporting-service", Map.of("QUARKUS_HTTP_PORT", "18083", "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:5432/kepu_reporting_test"));
            services.put("gateway", Map.of("QUARKUS_HTTP_PORT", String.valueOf(GATEWAY_PORT), "KEPU_EVENT_URL",
                    "http://127.0.0.1:18081", "KEPU_VENUE_URL", "http://127.0.0.1:18082", "KEPU_REPORTING_URL",
                    "http://127.0.0.1:18083", "KEPU_RATE_AUTH_CAPACITY", "30", "KEPU_RATE_AUTH_PER_SECOND", "5"));
            FakeUpstreams.hanging(HANGING_PORT);
            FakeUpstreams.oneAnswerPerConnection(ONE_ANSWER_PORT);
            slowConnections = FakeUpstreams.slow(SLOW_PORT, 300);
            echoed = FakeUpstreams.recording(ECHO_PORT);
            for (var service : services.entrySet()) {
                start(service.getKey(), service.getValue());
            }
            for (var service : services.entrySet()) {
                awaitReady(service.getKey(), Integer.parseInt(service.getValue().get("QUARKUS_HTTP_PORT")));
            }
        }
    }

    /** A port where something accepts connections and never answers, for the gateway's timeout. */
    static final int HANGING_PORT = 18099;

    /** A port where each connection gets one answer and is then dropped, for the gateway's retry of reused ones. */
    static final int ONE_ANSWER_PORT = 18097;

    /** A port where every request is answered after 300 ms, for the gateway's bound on connections per service. */
    static final int SLOW_PORT = 18096;

    /** A port where every request is answered 200 and recorded, for what a service behind the gateway receives. */
    static final int ECHO_PORT = 18094;

    /** What the service on {@link #ECHO_PORT} has received, oldest first. */
    static BlockingQueue<FakeUpstreams.Received> echoed;

    /** Connections the service on {@link #SLOW_PORT} has accepted so far. */
    static AtomicInteger slowConnections;

    /** Connections each gateway event loop may hold to one instance, lowered for the tests to be reachable. */
    static final int UPSTREAM_CONNECTIONS_PER_LOOP = 4;

    /**
     * Extra settings for the gateway under test: routes to a port nobody listens on (a stopped service) and to an
     * upstream that hangs, one with a short timeout and one with a long one, to one that drops every connection after one
     * answer and to one that answers slowly, few connections per service, and a short request time limit.
     */
    private static final List<String> GATEWAY_TEST_ROUTES = List.of(
            "-Dkepu.gateway.services.stopped.prefixes=/api/v1/stopped",
            "-Dkepu.gateway.services.stopped.urls=http://127.0.0.1:18098",
            "-Dkepu.gateway.services.stopped.anonymous-reads=/api/v1/stopped",
            "-Dkepu.gateway.services.hanging.prefixes=/api/v1/hanging",
            "-Dkepu.gateway.services.hanging.urls=http://127.0.0.1:" + HANGING_PORT,
            "-Dkepu.gateway.services.hanging.anonymous-reads=/api/v1/hanging",
            "-Dkepu.gateway.services.hanging.timeout=1s",
            "-Dkepu.gateway.services.slow.prefixes=/api/v1/slow",
            "-Dkepu.gateway.services.slow.urls=http://127.0.0.1:" + HANGING_PORT,
            "-Dkepu.gateway.services.slow.anonymous-reads=/api/v1/slow",
            "-Dkepu.gateway.services.slow.timeout=30s",
            "-Dkepu.gateway.services.one-answer.prefixes=/api/v1/one-answer",
            "-Dkepu.gateway.services.one-answer.urls=http://127.0.0.1:" + ONE_ANSWER_PORT,
            "-Dkepu.gateway.services.one-answer.anonymous-reads=/api/v1/one-answer",
            "-Dkepu.gateway.services.crowded.prefixes=/api/v1/crowded",
            "-Dkepu.gateway.services.crowded.urls=http://127.0.0.1:" + SLOW_PORT,
            "-Dkepu.gateway.services.crowded.anonymous-reads=/api/v1/crowded",
            "-Dkepu.gateway.services.echo.prefixes=/api/v1/echo",
            "-Dkepu.gateway.services.echo.urls=http://127.0.0.1:" + ECHO_PORT,
            "-Dkepu.gateway.services.echo.anonymous-reads=/api/v1/echo",
            "-Dkepu.gateway.services.echo.anonymous-writes=POST /api/v1/echo",
            "-Dkepu.gateway.upstream-connections-per-loop=" + UPSTREAM_CONNECTIONS_PER_LOOP,
            "-Dkepu.gateway.request-time-limit=3s");

    /** What a service started for the tests has written so far (its standard output and error). */
    static String serviceLog(String name) throws IOException {
        return Files.readString(LOGS.resolve(name + ".log"));
    }

    private static void start(String name, Map<String, String> env) throws IOException {
        start(name, name, env, name.equals("gateway") ? GATEWAY_TEST_ROUTES : List.of());
    }

    /**
     * One more instance of a service (or gateway), for a test that stops it: {@code env} sets its
     * {@code QUARKUS_HTTP_PORT} and whatever else differs. The test owns the process; it is stopped with the rest if
     * the test leaves it running.
     */
    static Process startAnother(String name, String logName, Map<String, String> env, List<String> properties)
            throws Exception {
        return startTogether(List.of(new Instance(name, logName, env, properties))).get(0);
    }

    /** An instance for {@link #startTogether}: which service, its log's name, its environment and extra properties. */
    record Instance(String name, String logName, Map<String, String> env, List<String> properties) {
    }

    /**
     * Several more instances, started at once and then awaited (their boots overlap, as a scale-out's do); the test owns
     * them as with {@link #startAnother}.
     */
    static List<Process> startTogether(List<Instance> instances) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (Instance instance : instances) {
            processes.add(start(instance.name(), instance.logName(), instance.env(), instance.properties()));
        }
        for (Instance instance : instances) {
            awaitReady(instance.logName(), Integer.parseInt(instance.env().get("QUARKUS_HTTP_PORT")));
        }
        return processes;
    }

    private static Process start(String name, String logName, Map<String, String> env, List<String> properties)
            throws IOException {
        Path jar = ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (deploy/test.sh does)");
        }
        Path logs = LOGS;
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dkepu.system-test=true",
                // Operator gauges sampled every second (5 s in production): the metric tests wait for a sample.
                "-Dkepu.metrics.sample-interval=1s",
                // A DEBUG line per fact applied, in the fact's trace: what TraceAcrossKafkaTest follows a request by.
                "-Dquarkus.log.category.\"org.kepu.common.inbox\".level=DEBUG"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(logs.resolve(logName + ".log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        // The packaged services log JSON (production); the tests read lines as a person would.
        builder.environment().put("KEPU_LOG_JSON", "false");
        Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }

    private static void awaitReady(String name, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become ready in 90 s; see system-tests/target/service-logs/"
                + name + ".log");
    }

    private static void stopAll() {
        PROCESSES.forEach(Process::destroy);
        for (Process process : PROCESSES) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs deploy/local/stack.sh with the given action on the test stack, e.g. to stop the broker. */
    static void stack(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ROOT.resolve("deploy/local/stack.sh").toString(), action, "test")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("stack.sh " + action + " test failed");
        }
    }
}
