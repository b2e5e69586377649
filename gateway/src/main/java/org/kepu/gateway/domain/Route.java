package org.kepu.gateway.domain;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service as the gateway sees it: the prefixes it owns, its instances, and which reads are public.
 */
public final class Route {

    private final String service;
    private final List<String> prefixes;
    private final List<URI> instances;
    private final List<String> anonymousReads;
    private final Duration timeout;
    private final AtomicInteger next = new AtomicInteger();

    public Route(String service, List<String> prefixes, List<URI> instances, List<String> anonymousReads,
            Duration timeout) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("Service " + service + " has no upstream URL");
        }
        this.service = service;
        this.prefixes = List.copyOf(prefixes);
        this.instances = List.copyOf(instances);
        this.anonymousReads = List.copyOf(anonymousReads);
        this.timeout = timeout;
    }

    public String service() {
        return service;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public List<URI> instances() {
        return instances;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether this route owns the path: the prefix itself or anything below it. */
    public boolean owns(String path) {
        return prefixes.stream().anyMatch(prefix -> matches(path, prefix));
    }

    /** Whether an anonymous caller may make this read. */
    public boolean allowsAnonymous(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return read && anonymousReads.stream().anyMatch(prefix -> matches(path, prefix));
    }

    /** The instance for the next request, in rotation. */
    public URI nextInstance() {
        return instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
    }

    private static boolean matches(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
