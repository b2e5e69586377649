package org.kepu.gateway.policy;

import org.kepu.gateway.config.EdgePolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.TrustedProxies;
import org.kepu.gateway.service.RateLimiter;
import org.kepu.gateway.service.TokenVerifier;

/** The steps in their order: what each may assume the ones before it decided. */
class GatewayPolicyTest {

    private final GatewayConfig config = Heads.config();
    private final GatewayPolicy policy = new GatewayPolicy(config, EdgePolicies.cors(config),
            TrustedProxies.of(List.of()), EdgePolicies.routes(config), new TokenVerifier(null) {
                @Override
                public Optional<JsonWebToken> verify(String token) {
                    return Optional.empty();
                }
            }, new RateLimiter(config));

    @Test
    void aPathIsRoutedAndAuthorisedAsNormalisedNeverAsSent() {
        // As sent, it starts with the public events' prefix; normalised, it is the reports', which need a token.
        Heads.Head head = Heads.request("GET", "/api/v1/events/../reports");
        Admission admission = new Admission();
        assertTrue(policy.screen(head, admission).isEmpty());
        assertEquals("/api/v1/reports", admission.path());
        assertEquals("reports", admission.route().service());
        assertEquals(401, policy.admit(head, admission).orElseThrow().status());
    }

    @Test
    void aRequestKeepsTheIdItWasGivenFirstThroughEveryStep() {
        Heads.Head head = Heads.request("GET", "/api/v1/events");
        Admission admission = new Admission();
        policy.identify(head, admission);
        String given = admission.requestId();
        policy.screen(head, admission);
        policy.admit(head, admission);
        // The id the client is answered with is the one logged and forwarded.
        assertEquals(given, admission.requestId());
    }

    @Test
    void aPreflightIsAnsweredBeforeAnythingThatNeedsAToken() {
        Admission admission = new Admission();
        Answer answer = policy.screen(Heads.request("OPTIONS", "/api/v1/reports").with("Origin", "https://kepu.example")
                .with("Access-Control-Request-Method", "GET"), admission).orElseThrow();
        assertEquals(204, answer.status());
    }

    @Test
    void aBrokenFramingIsRefusedBeforeItsPathOrOriginIsRead() {
        Admission admission = new Admission();
        Answer answer = policy.screen(Heads.request("GET", "/api/v1/events%2f").with("Host", "second.example")
                .with("Origin", "https://kepu.example"), admission).orElseThrow();
        assertEquals("malformed-request", answer.problemType());
        assertTrue(admission.answerHeaders().isEmpty());
    }

    @Test
    void anonymousPublicReadsAreAdmittedOnTheEventLoopTokensOnAWorker() {
        Heads.Head read = Heads.request("GET", "/api/v1/events");
        Admission admission = new Admission();
        assertTrue(policy.screen(read, admission).isEmpty());
        assertFalse(policy.admitsOnWorker(read));
        assertTrue(policy.admit(read, admission).isEmpty());
        assertEquals("events", admission.route().service());
        assertTrue(policy.admitsOnWorker(Heads.request("GET", "/api/v1/events").with("Authorization", "Bearer x")));
    }
}
