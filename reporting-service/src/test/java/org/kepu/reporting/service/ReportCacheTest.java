package org.kepu.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.kepu.reporting.config.ReportingConfig;
import org.kepu.reporting.domain.ReadModelsChanged;

/**
 * When a kept report is served and when it is computed again: facts make it stale, the refresh interval bounds how
 * often a stale report is recomputed. The TTL is an hour here, so only the facts can make a report change.
 */
class ReportCacheTest {

    private static final Duration REFRESH = Duration.ofMillis(250);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ReportCache cache = new ReportCache(config(Duration.ofHours(1)), now::get);
    private final AtomicInteger computations = new AtomicInteger();

    private Integer report() {
        return cache.get("events|2026|province", computations::incrementAndGet);
    }

    @Test
    void aReportIsKeptWhileNoFactArrives() {
        assertEquals(1, report());
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals(1, report());
        assertEquals(1, computations.get());
    }

    @Test
    void aFactMakesTheKeptReportStaleOnceTheRefreshIntervalHasPassed() {
        assertEquals(1, report());
        now.addAndGet(REFRESH.toNanos()); // computed long enough ago
        cache.readModelsChanged(new ReadModelsChanged());
        assertEquals(2, report(), "computed again after the fact");
        assertEquals(2, report(), "and then kept");
    }

    @Test
    void underAStreamOfFactsAReportIsComputedAtMostOncePerRefreshInterval() {
        report();
        for (int tick = 0; tick < 40; tick++) { // 10 s of a fact every 50 ms, a request after each
            now.addAndGet(Duration.ofMillis(50).toNanos());
            cache.readModelsChanged(new ReadModelsChanged());
            report();
        }
        assertEquals(1 + 40 * 50 / 250, computations.get());
    }

    @Test
    void aBatchCommittedWhileTheReportIsComputedLeavesItStale() {
        cache.get("k", () -> {
            cache.readModelsChanged(new ReadModelsChanged()); // another consumer commits meanwhile
            return computations.incrementAndGet();
        });
        now.addAndGet(REFRESH.toNanos());
        assertEquals(2, (Integer) cache.get("k", computations::incrementAndGet));
    }

    @Test
    void anAdminsChangeForgetsEveryReportAtOnce() {
        report();
        cache.forgetAll();
        assertEquals(2, report());
    }

    @Test
    void aZeroTtlComputesEveryTime() {
        ReportCache off = new ReportCache(config(Duration.ZERO), now::get);
        off.get("k", computations::incrementAndGet);
        off.get("k", computations::incrementAndGet);
        assertEquals(2, computations.get());
    }

    private static ReportingConfig config(Duration ttl) {
        return new ReportingConfig() {
            @Override
            public String consumerGroup() {
                return "reporting-service";
            }

            @Override
            public Duration reportCacheTtl() {
                return ttl;
            }

            @Override
            public Duration reportRefresh() {
                return REFRESH;
            }

            @Override
            public Consumer consumer() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Rebuild rebuild() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
