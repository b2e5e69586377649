package org.kepu.common.persistence;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rows waiting for a job that should take them within seconds (outbox rows for the relay, changes for the
 * change-feed sequencer), as two gauges: how many wait, and how long the oldest has waited. A scheduled query samples
 * them every few seconds; a scrape only reads the last sample, so Prometheus never costs the database a query.
 *
 * <p>
 * Between samples the oldest row's age keeps growing from the sampled one: a job that is stuck shows its age rising
 * smoothly, and a sample that fails (the database away) does not freeze the age at what it was.
 */
public final class Backlog {

    /** What one sample found: the rows waiting and the oldest one's age, in seconds (0 when none waits). */
    public record Waiting(long rows, double oldestAgeSeconds) {
    }

    private record Sample(Waiting waiting, long takenAtNanos) {
    }

    private static final Logger LOG = Logger.getLogger(Backlog.class);

    private final String name;
    private final LongSupplier nanoTime;
    private volatile Sample last;

    Backlog(String name, LongSupplier nanoTime) {
        this.name = name;
        this.nanoTime = nanoTime;
    }

    /**
     * Registers {@code name} (rows waiting) and {@code name.oldest.age} (seconds); both read NaN until the first
     * sample, so a service that has not sampled yet is not taken for one with nothing waiting.
     *
     * @param what the rows and the job, for the descriptions, e.g. "outbox rows not yet published"
     */
    public static Backlog register(MeterRegistry registry, String name, String what) {
        Backlog backlog = new Backlog(name, System::nanoTime);
        Gauge.builder(name, backlog, Backlog::rows).description(what + ", at the last sample").register(registry);
        Gauge.builder(name + ".oldest.age", backlog, Backlog::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest of the " + what + " has waited").register(registry);
        return backlog;
    }

    /**
     * Samples now with {@code query}, in a transaction of its own; for the sampler's schedule. A failure (the database
     * away, which readiness reports) leaves the last sample in place, its age growing.
     */
    public void sample(Supplier<Waiting> query) {
        try {
            sampled(QuarkusTransaction.requiringNew().call(query::get));
        } catch (RuntimeException e) {
            LOG.debugf("%s not sampled: %s", name, e.getMessage());
        }
    }

    /** Records a sample taken now. */
    void sampled(Waiting waiting) {
        last = new Sample(waiting, nanoTime.getAsLong());
    }

    /** The rows waiting at the last sample; NaN before the first. */
    public double rows() {
        Sample sample = last;
        return sample == null ? Double.NaN : sample.waiting().rows();
    }

    /** The oldest waiting row's age now, grown from the last sample's; 0 when none waited; NaN before the first. */
    public double oldestAgeSeconds() {
        Sample sample = last;
        if (sample == null) {
            return Double.NaN;
        }
        if (sample.waiting().rows() == 0) {
            return 0;
        }
        return sample.waiting().oldestAgeSeconds() + (nanoTime.getAsLong() - sample.takenAtNanos()) / 1e9;
    }
}
