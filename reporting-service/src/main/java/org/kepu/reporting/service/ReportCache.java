package org.kepu.reporting.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.kepu.reporting.config.ReportingConfig;
import org.kepu.reporting.domain.ReadModelsChanged;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Computed reports by what they were asked for: a province's dashboards ask for the same few years and scopes over and
 * over, and each computation reads every event of a year.
 *
 * <p>
 * A committed batch of facts makes every kept report stale, so a dashboard sees a fact as soon as it is applied. A
 * stale report is computed again when next asked, but at most once per {@code report-refresh} (100 ms): under a
 * stream of thousands of facts a second, a busy dashboard then costs four computations a second per report instead of
 * one per request, and is never more than that interval behind the read models. With no facts arriving a report is
 * kept for its TTL; a change an admin makes (a target, a themed day's dates) forgets them all at once.
 */
@ApplicationScoped
public class ReportCache {

    /** A computed report, the read models' generation it was computed from, and when (nanoTime). */
    private record Kept(Object report, long generation, long computedAt) {
    }

    private final Cache<String, Kept> reports;
    private final boolean enabled;
    private final long refreshNanos;
    private final LongSupplier clock;
    private final AtomicLong generation = new AtomicLong();

    @Inject
    public ReportCache(ReportingConfig config) {
        this(config, System::nanoTime);
    }

    ReportCache(ReportingConfig config, LongSupplier clock) {
        this.enabled = !config.reportCacheTtl().isZero();
        this.refreshNanos = config.reportRefresh().toNanos();
        this.clock = clock;
        this.reports = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(config.reportCacheTtl()).build();
    }

    /**
     * The report under {@code key}: the kept one while no fact has been applied since it was computed, or while it is
     * younger than the refresh interval; otherwise computed by {@code compute} (callers asking meanwhile wait for it).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        Kept kept = reports.getIfPresent(key);
        if (!fresh(kept)) {
            // One computation per key at a time; whoever waited for it takes its result.
            kept = reports.asMap().compute(key, (ignored, old) -> {
                if (fresh(old)) {
                    return old;
                }
                // Read before computing: a batch committed during the computation leaves the result stale, as it is.
                long from = generation.get();
                long startedAt = clock.getAsLong();
                return new Kept(compute.get(), from, startedAt);
            });
        }
        return (T) kept.report();
    }

    private boolean fresh(Kept kept) {
        return kept != null && (kept.generation() == generation.get()
                || clock.getAsLong() - kept.computedAt() < refreshNanos);
    }

    /** Called once per committed batch of facts (messaging.FactConsumers). */
    void readModelsChanged(@Observes ReadModelsChanged change) {
        generation.incrementAndGet();
    }

    public void forgetAll() {
        reports.invalidateAll();
    }
}
