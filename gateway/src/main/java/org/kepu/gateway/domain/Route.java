package org.kepu.gateway.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service as the gateway sees it: the prefixes it owns, its instances, and which reads are public.
 */
public final class Route {

    private final String service;
    private final List<String> prefixes;
    /** Each prefix's metrics name for the paths below it, made once rather than per request. */
    private final List<String> belowPrefixes;
    private final List<Instance> instances;
    private final List<String> anonymousReads;
    private final List<AnonymousWrite> anonymousWrites;
    private final Duration timeout;
    private final AtomicInteger next = new AtomicInteger();

    public Route(String service, List<String> prefixes, List<Instance> instances, List<String> anonymousReads,
            List<AnonymousWrite> anonymousWrites, Duration timeout) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("Service " + service + " has no upstream URL");
        }
        this.service = service;
        this.prefixes = List.copyOf(prefixes);
        this.belowPrefixes = this.prefixes.stream().map(prefix -> prefix + "/*").toList();
        this.instances = List.copyOf(instances);
        this.anonymousReads = List.copyOf(anonymousReads);
        this.anonymousWrites = List.copyOf(anonymousWrites);
        this.timeout = timeout;
    }

    public String service() {
        return service;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public List<Instance> instances() {
        return instances;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether this route owns the path: one of its prefixes itself or anything below it. */
    public boolean owns(String path) {
        return longestPrefixOf(path) >= 0;
    }

    /** The length of this route's longest prefix owning the path, or -1 if none does. */
    public int longestPrefixOf(String path) {
        int longest = -1;
        for (String prefix : prefixes) {
            if (prefix.length() > longest && matches(path, prefix)) {
                longest = prefix.length();
            }
        }
        return longest;
    }

    /** Whether an anonymous caller may make this request: a public read, or one of the writes opened to all. */
    public boolean allowsAnonymous(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            for (AnonymousWrite write : anonymousWrites) {
                if (write.matches(method, path)) {
                    return true;
                }
            }
            return false;
        }
        for (String prefix : anonymousReads) {
            if (matches(path, prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instance for the next request, in rotation, skipping ejected ones; empty when every instance is ejected
     * (the service's circuit is open), so the caller can fail fast instead of waiting on a dead service.
     */
    public Optional<Instance> nextInstance(long now) {
        int start = next.getAndIncrement();
        for (int i = 0; i < instances.size(); i++) {
            Instance candidate = instances.get(Math.floorMod(start + i, instances.size()));
            if (candidate.tryAcquire(now)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** When the soonest ejected instance may be tried again, in seconds. */
    public long secondsUntilRetry(long now) {
        return instances.stream().mapToLong(instance -> instance.secondsUntilRetry(now)).min().orElse(1);
    }

    /**
     * The path as metrics and traces should name it: the owning prefix, with {@code /*} for anything below it, so
     * that ids in paths do not make a series each.
     */
    public String template(String path) {
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (path.equals(prefix)) {
                return prefix;
            }
            if (matches(path, prefix)) {
                return belowPrefixes.get(i);
            }
        }
        return path;
    }

    private static boolean matches(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || prefix.endsWith("/")
                || path.charAt(prefix.length()) == '/');
    }
}
