package org.kepu.gateway.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kepu.gateway.domain.Route;

/**
 * What the policy has decided about one request so far, filled in by the steps in their order: each reads what the
 * steps before it decided and adds its own. The request's answer, whoever gives it, carries {@link #answerHeaders}.
 * Written on the request's event loop, and by the steps that verify a token on a worker before handing back to it.
 */
public final class Admission {

    /** The metrics' uri for requests no route owns, as Quarkus names them. */
    public static final String NO_ROUTE = "NOT_FOUND";
    /** The metrics' uri for requests refused before their path was read: it may not even be one. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    String requestId;
    String path;
    String clientAddress;
    Route route;
    String uriTemplate;
    String client;
    String rateClass;
    final Map<String, String> answerHeaders = new LinkedHashMap<>();

    /** The request's id: the caller's when safe, else a new one. */
    public String requestId() {
        return requestId;
    }

    /** The path as the gateway decided on it: routed, logged and forwarded; null while not yet read. */
    public String path() {
        return path;
    }

    /** The client's address as the forwarded-header policy reads it; null until decided. */
    public String clientAddress() {
        return clientAddress;
    }

    /** The route owning the path; null until chosen, or when none does. */
    public Route route() {
        return route;
    }

    /** The route's path template for metrics, or {@link #NO_ROUTE} or {@link #INVALID_REQUEST}; null until known. */
    public String uriTemplate() {
        return uriTemplate;
    }

    /** Records the template a request answered before routing is counted under. */
    public void uriTemplate(String template) {
        this.uriTemplate = template;
    }

    /** The token's subject, or {@code partner:<id>} for a partner agency; null while anonymous. */
    public String client() {
        return client;
    }

    /** The rate-limit class the request counts against; null until authenticated or admitted anonymously. */
    public String rateClass() {
        return rateClass;
    }

    /** Headers every answer to this request carries (CORS marks, rate-limit state), in the order added. */
    public Map<String, String> answerHeaders() {
        return answerHeaders;
    }
}
