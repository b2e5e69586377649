package org.kepu.reporting.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.reporting.config.ReportingConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Computed reports by what they were asked for, kept a few seconds: a province's dashboards ask for the same few years
 * and scopes over and over, and each computation reads every event of a year. A change an admin makes (a target, a
 * themed day's dates) forgets them all; facts show within the TTL.
 */
@ApplicationScoped
public class ReportCache {

    private final Cache<String, Object> reports;
    private final boolean enabled;

    public ReportCache(ReportingConfig config) {
        this.enabled = !config.reportCacheTtl().isZero();
        this.reports = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(config.reportCacheTtl()).build();
    }

    /** The report under {@code key}, computed by {@code compute} when it is not kept (or the cache is off). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        return enabled ? (T) reports.get(key, ignored -> compute.get()) : compute.get();
    }

    public void forgetAll() {
        reports.invalidateAll();
    }
}
