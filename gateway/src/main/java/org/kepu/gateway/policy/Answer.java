package org.kepu.gateway.policy;

import java.util.Map;

/**
 * The answer a policy step gives a request it stops: a problem (RFC 9457) or, for a CORS preflight, an empty 204;
 * headers of its own; and what becomes of the connection afterwards.
 *
 * @param problemType the problem's type slug; null for an answer without a problem body
 * @param headers headers this answer carries besides those the steps before it added to the admission
 */
public record Answer(int status, String problemType, String title, String detail, Map<String, String> headers,
        Connection connection) {

    /** What becomes of the connection once the answer is sent. */
    public enum Connection {
        /** Stays open for the client's next request. */
        KEEP,
        /** Announced to close ({@code Connection: close} on HTTP/1), the HTTP layer closing it once the answer is out. */
        ANNOUNCE_CLOSE,
        /** Closes after the answer (announced with {@code Connection: close}): where the next request begins is unknown. */
        CLOSE,
        /**
         * The body announced is refused unread: the answer is sent at once, what the client sends anyway is drained
         * for a while, then the connection closes (HTTP/1; an HTTP/2 stream simply ends).
         */
        REFUSE_BODY
    }

    /** A problem answer that keeps the connection. */
    public static Answer problem(int status, String type, String title, String detail) {
        return new Answer(status, type, title, detail, Map.of(), Connection.KEEP);
    }

    /** 413: the body is over the limit, whether its declared length said so or its chunks, counted on the way. */
    public static Answer bodyTooLarge(long maxBodyBytes) {
        return problem(413, "payload-too-large", "Request body too large",
                "Request bodies may be at most " + maxBodyBytes + " bytes");
    }

    /** The same answer with these headers too. */
    public Answer with(Map<String, String> more) {
        return new Answer(status, problemType, title, detail, more, connection);
    }

    /** The same answer, after which the connection goes as said. */
    public Answer then(Connection next) {
        return new Answer(status, problemType, title, detail, headers, next);
    }
}
