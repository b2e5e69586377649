package org.kepu.gateway.domain;

/**
 * The path of a request as the gateway decides on it and forwards it: dot-segments removed (RFC 3986 §5.2.4, with
 * {@code %2E} read as a dot, as browsers and Envoy's {@code normalize_path} do) and repeated slashes merged (nginx's
 * {@code merge_slashes}). Routing, the anonymous-read decision and the upstream all see this one path, so
 * {@code /api/v1/reports/../../q/metrics} can never be judged as one path and served as another.
 *
 * <p>
 * Paths a service could read differently from the gateway are refused instead: an encoded slash or backslash
 * ({@code %2F}, {@code %5C}), a raw backslash, an encoded or raw NUL, and anything that is not an absolute path.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /** Why a path was refused; the message is safe to show the client. */
    public static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The normalised form of {@code path} (no query).
     *
     * @throws Refused when the path may not be forwarded at all
     */
    public static String normalise(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new Refused("The request target must be an absolute path");
        }
        if (isPlain(path)) {
            return path; // the common case: nothing to do, nothing allocated
        }
        StringBuilder out = new StringBuilder(path.length());
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            boolean last = end == path.length();
            if (segment.isEmpty()) {
                if (last) {
                    out.append('/'); // a trailing slash is kept: /a/ is not /a
                }
            } else if (isDot(segment, 1)) {
                if (last) {
                    out.append('/');
                }
            } else if (isDot(segment, 2)) {
                int previous = out.lastIndexOf("/");
                out.setLength(Math.max(previous, 0));
                if (last) {
                    out.append('/');
                }
            } else {
                out.append('/').append(segment);
            }
            start = end + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** True when the path has no dot-segment, no repeated slash and nothing to refuse: the fast path. */
    private static boolean isPlain(String path) {
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == 0) {
                throw new Refused("The path may not contain a backslash or NUL");
            }
            if (c == '%' && i + 2 < path.length()) {
                char a = path.charAt(i + 1);
                char b = Character.toUpperCase(path.charAt(i + 2));
                if (a == '2' && b == 'F' || a == '5' && b == 'C' || a == '0' && b == '0') {
                    throw new Refused("The path may not contain an encoded slash, backslash or NUL");
                }
                if (a == '2' && b == 'E') {
                    return false;
                }
            }
            if (c == '/' && previous == '/' || c == '.' && previous == '/') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The segment is {@code dots} dots, each written as '.' or %2E. */
    private static boolean isDot(String segment, int dots) {
        int i = 0;
        int seen = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '.') {
                i++;
            } else if (segment.regionMatches(true, i, "%2e", 0, 3)) {
                i += 3;
            } else {
                return false;
            }
            seen++;
        }
        return seen == dots;
    }
}
