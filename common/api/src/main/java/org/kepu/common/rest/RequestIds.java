package org.kepu.common.rest;

/** The request id every Kepu request carries from the gateway through the services and back to the client. */
public final class RequestIds {

    /** The header that carries it, both ways. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** Ids are echoed into logs and headers, so only plain tokens of sane length are accepted. */
    public static boolean isSafe(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
