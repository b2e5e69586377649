package org.kepu.gateway.rest;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.kepu.gateway.config.GatewayConfig;

/**
 * The access log: one line per request on standard output (or a file rotated by size, {@code access-log.file}), as
 * nginx and Kong keep theirs apart from the application log: text, or a JSON object per line where the application
 * log is JSON too ({@code access-log.json}, production), with the same fields ({@link AccessLine}). An event loop
 * only queues the line; one background thread formats and writes what has queued up in a single write. Going
 * through the logging framework (formatting, a lock, a write per line) cost a large share of a proxied request's CPU
 * (bench/gateway/README.md).
 * <p>
 * Under load the writer wakes every {@link #GATHER_NANOS} and writes what gathered meanwhile, as nginx's
 * {@code access_log ... flush=}; when nothing comes it sleeps until a line does, so an idle gateway does not wake.
 * A singleton rather than application-scoped: a client proxy is a subclass, and constructing it would start a second
 * writer thread.
 */
@Singleton
class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** The zone offset a JSON line's timestamp ends with, as Quarkus' JSON log writes its own. */
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX").withZone(ZoneId.systemDefault());
    /** Beyond this many unwritten lines (standard output blocked), lines are dropped and counted, never buffered. */
    private static final int MAX_PENDING = 100_000;
    private static final int BATCH_CHARS = 64 * 1024;
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private record Line(long epochMillis, AccessLine access) {
    }

    private final ConcurrentLinkedQueue<Line> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final OutputStream out;
    private final boolean json;
    private final Thread writer = new Thread(this::writeUntilClosed, "access-log-writer");
    private volatile boolean open = true;
    /** The writer found nothing to write and sleeps until a producer wakes it. */
    private volatile boolean idle;

    AccessLog(GatewayConfig config) throws IOException {
        GatewayConfig.AccessLogSettings settings = config.accessLog();
        this.json = settings.json();
        this.out = settings.file().isPresent()
                ? new RotatingFileOutput(Path.of(settings.file().get()), settings.maxFileSize().asLongValue(),
                        settings.maxBackups())
                : new FileOutputStream(FileDescriptor.out);
    }

    @PostConstruct
    void startWriter() {
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues one request's line; never blocks the caller. */
    void record(AccessLine access) {
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            pendingCount.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.offer(new Line(System.currentTimeMillis(), access));
        // Read after the offer: either the writer sees the line before it sleeps, or this sees it asleep and wakes it.
        if (idle) {
            idle = false;
            LockSupport.unpark(writer);
        }
    }

    private void writeUntilClosed() {
        StringBuilder batch = new StringBuilder(BATCH_CHARS + 1024);
        long cachedSecond = -1;
        String secondText = "";
        String offsetText = "";
        while (open || !pending.isEmpty()) {
            Line line;
            while (batch.length() < BATCH_CHARS && (line = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                long second = line.epochMillis() / 1000;
                if (second != cachedSecond) {
                    cachedSecond = second;
                    secondText = SECOND.format(Instant.ofEpochSecond(second));
                    offsetText = OFFSET.format(Instant.ofEpochSecond(second));
                }
                long millis = line.epochMillis() % 1000;
                String millisText = (millis < 100 ? (millis < 10 ? "00" : "0") : "") + millis;
                if (json) {
                    batch.append("{\"timestamp\":\"").append(secondText).append('.').append(millisText)
                            .append(offsetText).append("\",\"loggerName\":\"access\",")
                            .append(line.access().jsonFields()).append("}\n");
                } else {
                    batch.append(secondText).append('.').append(millisText).append(" access ")
                            .append(line.access().text()).append('\n');
                }
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                String notice = "access log: " + lost + " lines dropped, standard output was blocked";
                batch.append(json ? "{\"loggerName\":\"access\",\"level\":\"WARN\",\"message\":\"" + notice + "\"}" : notice)
                        .append('\n');
            }
            if (batch.isEmpty()) {
                idle = true;
                if (open && pending.isEmpty()) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            boolean full = batch.length() >= BATCH_CHARS;
            try {
                out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                LOG.warnf("Access log lines lost: %s", e.toString());
            }
            batch.setLength(0);
            if (!full && open) {
                LockSupport.parkNanos(this, GATHER_NANOS); // let the next lines gather: one write, not one each
            }
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        LockSupport.unpark(writer);
        writer.join(TimeUnit.SECONDS.toMillis(2));
        if (out instanceof RotatingFileOutput file) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warnf("Access log file not closed cleanly: %s", e.toString());
            }
        }
    }
}
