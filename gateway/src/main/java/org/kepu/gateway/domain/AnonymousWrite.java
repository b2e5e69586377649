package org.kepu.gateway.domain;

import java.util.Arrays;

/**
 * A write the public may make without a token, as configured: a method and a path pattern whose {@code *} stands for
 * exactly one segment (an id), e.g. {@code POST /api/v1/events/*}{@code /registrations}. Nothing below the pattern
 * matches: the door opens for this one operation only, and the service still checks what it needs (a registration's
 * manage token, say).
 */
public final class AnonymousWrite {

    private final String method;
    private final String[] segments;

    private AnonymousWrite(String method, String[] segments) {
        this.method = method;
        this.segments = segments;
    }

    /** Parses {@code "METHOD /path/with/*}{@code /segments"}. */
    public static AnonymousWrite parse(String spec) {
        String[] parts = spec.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("An anonymous write is \"METHOD /path\", not \"" + spec + "\"");
        }
        return new AnonymousWrite(parts[0].toUpperCase(), parts[1].substring(1).split("/", -1));
    }

    public boolean matches(String requestMethod, String path) {
        if (!method.equals(requestMethod) || !path.startsWith("/")) {
            return false;
        }
        String[] requested = path.substring(1).split("/", -1);
        if (requested.length != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean any = segments[i].equals("*") && !requested[i].isEmpty();
            if (!any && !segments[i].equals(requested[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return method + " /" + String.join("/", Arrays.asList(segments));
    }
}
