package org.kepu.gateway.domain;

/**
 * The path of a request as the gateway decides on it and forwards it: dot-segments removed (RFC 3986 §5.2.4, with
 * {@code %2E} read as a dot, as browsers and Envoy's {@code normalize_path} do) and repeated slashes merged (nginx's
 * {@code merge_slashes}). Routing, the anonymous-read decision and the upstream all see this one path, so
 * {@code /api/v1/reports/../../q/metrics} can never be judged as one path and served as another.
 *
 * <p>
 * Paths a service could read differently from the gateway are refused instead, wherever in the path they stand: a
 * segment that holds a slash, backslash or NUL once percent-decoded, or after decoding again ({@code %2F}, {@code %5c},
 * {@code %252F}, {@code %00}), since a service, a library or a proxy behind it may decode once more than the gateway
 * does; a segment that reads as a dot-segment only after a second decoding ({@code %252E%252E}) or before its
 * {@code ;} parameters ({@code ..;x}, which servlet containers resolve as {@code ..}); a raw backslash or NUL; and
 * anything that is not an absolute path.
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
            // Every segment is judged, the ones dot-segments remove included: what is refused does not depend on
            // where it stands or on what comes before it.
            int dots = dotsIn(segment);
            if (segment.isEmpty() || dots == 1) {
                if (last) {
                    out.append('/'); // a trailing slash is kept: /a/ is not /a
                }
            } else if (dots == 2) {
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

    /**
     * True when the path has nothing to remove, merge or refuse: no dot after a slash, no repeated slash, no
     * backslash or NUL, no escape of a slash, backslash, NUL, dot or '%', and no '%' that does not begin an escape
     * (in {@code %%32%46} the escapes decode to the digits of another). Its one decoding then holds no '%' to decode
     * again. Anything else goes to {@link #normalise}'s segment by segment reading, which alone decides what is
     * refused.
     */
    private static boolean isPlain(String path) {
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == 0 || c == '/' && previous == '/' || c == '.' && previous == '/') {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= path.length() || hexDigit(path.charAt(i + 1)) < 0 || hexDigit(path.charAt(i + 2)) < 0) {
                    return false;
                }
                char a = path.charAt(i + 1);
                char b = Character.toUpperCase(path.charAt(i + 2));
                if (a == '2' && (b == 'F' || b == 'E' || b == '5') || a == '5' && b == 'C' || a == '0' && b == '0') {
                    return false;
                }
            }
            previous = c;
        }
        return true;
    }

    /**
     * 1 or 2 when the segment is a dot-segment as a service reads it (decoded once: each dot written as '.' or
     * {@code %2E}), otherwise 0.
     *
     * @throws Refused when the segment, decoded once or more, holds a slash, backslash or NUL, or reads as a
     *         dot-segment only after a further decoding or before its ';' parameters
     */
    private static int dotsIn(String segment) {
        int dots = -1;
        String layer = segment;
        while (true) {
            for (int i = 0; i < layer.length(); i++) {
                char c = layer.charAt(i);
                if (c == '/' || c == '\\' || c == 0) {
                    throw new Refused("The path may not contain a backslash or NUL, or a slash or backslash encoded "
                            + "once or more (%2F, %5C, %252F) in a segment");
                }
            }
            String decoded = percentDecoded(layer);
            if (dots < 0) {
                dots = dotCount(decoded);
            }
            int parameters = layer.indexOf(';');
            if (dots == 0 && dotCount(parameters < 0 ? layer : layer.substring(0, parameters)) > 0) {
                throw new Refused("A dot-segment may not be encoded twice (%252E) or carry ';' parameters");
            }
            if (decoded.equals(layer)) {
                return dots;
            }
            layer = decoded;
        }
    }

    /** 1 for ".", 2 for "..", otherwise 0. */
    private static int dotCount(String text) {
        return text.equals(".") ? 1 : text.equals("..") ? 2 : 0;
    }

    /** One percent-decoding, each escape to the character of its octet; a '%' not followed by two hex digits stays. */
    private static String percentDecoded(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, percent);
        for (int i = percent; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = c == '%' && i + 2 < text.length() ? hexDigit(text.charAt(i + 1)) : -1;
            int low = high < 0 ? -1 : hexDigit(text.charAt(i + 2));
            if (low < 0) {
                out.append(c);
            } else {
                out.append((char) (high << 4 | low));
                i += 2;
            }
        }
        return out.toString();
    }

    /** ASCII only: {@link Character#digit} would also take, say, a fullwidth digit, which no URI decoder does. */
    private static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
