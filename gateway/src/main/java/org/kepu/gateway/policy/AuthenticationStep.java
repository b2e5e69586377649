package org.kepu.gateway.policy;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kepu.gateway.service.TokenVerifier;

/**
 * Without a token only the route's public reads pass (401 with a challenge otherwise); a presented token must be
 * valid (signature, issuer, audience, expiry) whatever the route. Decides the client and its rate-limit class.
 * Verifying may fetch a JWKS, so a request with a token is checked off the event loop ({@link #verifiesToken}).
 */
public final class AuthenticationStep implements PolicyStep {

    static final String AUTHORIZATION = "Authorization";

    private final TokenVerifier verifier;

    public AuthenticationStep(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Whether this request presents a token, which may block to verify. */
    public boolean verifiesToken(RequestHead head) {
        return head.header(AUTHORIZATION) != null;
    }

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String authorization = head.header(AUTHORIZATION);
        if (authorization == null) {
            if (!admission.route.allowsAnonymous(head.method(), admission.path)) {
                return Optional.of(Answer.problem(401, "unauthorized", "Authentication required",
                        "This request needs a bearer token").with(Map.of("WWW-Authenticate", "Bearer realm=\"kepu\"")));
            }
            admission.rateClass = "public-read";
            return Optional.empty();
        }
        Optional<JsonWebToken> token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? verifier.verify(authorization.substring(7).trim())
                : Optional.empty();
        if (token.isEmpty()) {
            return Optional.of(Answer.problem(401, "unauthorized", "Authentication required",
                    "The bearer token is not valid (signature, issuer, audience or expiry)")
                    .with(Map.of("WWW-Authenticate", "Bearer realm=\"kepu\", error=\"invalid_token\"")));
        }
        // A partner agency's systems may hold many tokens; its rate limit is the partner's, whichever token calls.
        Object partner = token.get().getClaim("partner");
        admission.client = partner != null ? "partner:" + partner : token.get().getSubject();
        admission.rateClass = "authenticated";
        return Optional.empty();
    }
}
