package org.kepu.gateway.rest;

/**
 * What the access log says of one request, written as a text line's words ({@code GET /api/v1/events 200 1.2ms
 * request=… trace=… client=… from=…}) or as a JSON object's fields, the same fields in the same order: readable
 * locally, parsed by a log shipper in production ({@link AccessLog}). Never a token, never a query string (it may hold
 * personal data), and the caller only as {@code ClientLabel} writes it.
 *
 * @param tenthsOfMillis the request's latency in tenths of a millisecond
 * @param traceId the gateway span's trace id, the one every service's lines for the request name
 */
record AccessLine(String method, String path, int status, long tenthsOfMillis, String requestId, String traceId,
        String client, String from) {

    /** The words after the time and {@code access}. */
    String text() {
        return new StringBuilder(192).append(method).append(' ').append(path).append(' ').append(status).append(' ')
                .append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10).append("ms request=")
                .append(requestId).append(" trace=").append(traceId).append(" client=").append(client)
                .append(" from=").append(from).toString();
    }

    /** The fields after the time, as members of a JSON object without its braces. */
    String jsonFields() {
        StringBuilder json = new StringBuilder(256);
        json.append("\"method\":");
        quote(json, method);
        json.append(",\"path\":");
        quote(json, path);
        json.append(",\"status\":").append(status).append(",\"durationMs\":").append(tenthsOfMillis / 10).append('.')
                .append(tenthsOfMillis % 10).append(",\"requestId\":");
        quote(json, requestId);
        json.append(",\"traceId\":");
        quote(json, traceId);
        json.append(",\"client\":");
        quote(json, client);
        json.append(",\"from\":");
        quote(json, from);
        return json.toString();
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped, everything else as it is. */
    static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
