package org.kepu.gateway.policy;

import java.util.Map;
import java.util.Optional;

import org.kepu.gateway.domain.CorsPolicy;

/**
 * Preflights from allowed origins are answered here and never reach a service (others get 403); answers to an
 * allowed origin are marked so that its pages may read them, errors included. Other origins get no marks, so the
 * browser keeps their pages from reading the answer.
 */
public final class CorsStep implements PolicyStep {

    private static final String ORIGIN = "Origin";

    private final CorsPolicy cors;

    public CorsStep(CorsPolicy cors) {
        this.cors = cors;
    }

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String origin = head.header(ORIGIN);
        if (origin == null) {
            return Optional.empty();
        }
        boolean preflight = CorsPolicy.isPreflight(head.method(), origin,
                head.header("Access-Control-Request-Method"));
        if (!cors.allowsOrigin(origin)) {
            return preflight
                    ? Optional.of(Answer.problem(403, "origin-not-allowed", "Origin not allowed",
                            "Pages from " + origin + " may not call this API"))
                    : Optional.empty();
        }
        admission.answerHeaders.put("Access-Control-Allow-Origin", origin);
        admission.answerHeaders.put("Vary", ORIGIN);
        if (preflight) {
            return Optional.of(new Answer(204, null, null, null,
                    Map.of("Access-Control-Allow-Methods", cors.allowMethods(), "Access-Control-Allow-Headers",
                            cors.allowHeaders(), "Access-Control-Max-Age", cors.maxAgeSeconds()),
                    Answer.Connection.KEEP));
        }
        admission.answerHeaders.put("Access-Control-Expose-Headers", cors.exposeHeaders());
        return Optional.empty();
    }
}
