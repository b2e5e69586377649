package org.kepu.gateway.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What RFC 9112 requires a server to refuse in a request's head before reading its body, beyond what the HTTP decoder
 * already refuses (two different Content-Lengths, a broken line). A message the gateway and a service might frame
 * differently is how requests are smuggled past a proxy, so it is refused, never guessed at.
 */
public final class RequestFraming {

    private RequestFraming() {
    }

    /**
     * Why the head may not be served, or empty when it may.
     *
     * @param http11 the request says HTTP/1.1 (HTTP/2 frames its own messages and has no Host or Transfer-Encoding)
     * @param hosts the values of its Host header
     * @param transferEncodings the values of its Transfer-Encoding header
     */
    public static Optional<String> refusal(boolean http11, List<String> hosts, List<String> transferEncodings) {
        if (http11 && hosts.size() != 1) {
            // §3.2: a request of HTTP/1.1 has exactly one Host
            return Optional.of(hosts.isEmpty()
                    ? "An HTTP/1.1 request needs a Host header"
                    : "A request may carry one Host header only");
        }
        if (!transferEncodings.isEmpty() && !endsInChunked(transferEncodings)) {
            // §6.3: without chunked as the final coding the body's length cannot be known
            return Optional.of("A request body's Transfer-Encoding must end in chunked");
        }
        return Optional.empty();
    }

    /** A Content-Length value as a number of bytes; one that cannot be honoured counts as too large. */
    public static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean endsInChunked(List<String> values) {
        String last = values.get(values.size() - 1);
        int comma = last.lastIndexOf(',');
        return last.substring(comma + 1).trim().toLowerCase(Locale.ROOT).equals("chunked");
    }
}
