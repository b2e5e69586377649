package org.kepu.gateway.policy;

import org.kepu.gateway.config.EdgePolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.service.TokenVerifier;

class AuthenticationStepTest {

    /** Knows two tokens: an organizer's and a partner agency's. */
    private final TokenVerifier verifier = new TokenVerifier(null) {
        @Override
        public Optional<JsonWebToken> verify(String token) {
            return switch (token) {
                case "organizer" -> Optional.of(Heads.token(Map.of("sub", "organizer@gz")));
                case "partner" -> Optional.of(Heads.token(Map.of("sub", "robot-7", "partner", "gz-estation")));
                default -> Optional.empty();
            };
        }
    };
    private final AuthenticationStep step = new AuthenticationStep(verifier);
    private final RouteTable routes = EdgePolicies.routes(Heads.config());

    private Admission routed(String path) {
        Admission admission = new Admission();
        admission.path = path;
        admission.route = routes.routeFor(path).orElseThrow();
        return admission;
    }

    @Test
    void withoutATokenOnlyTheRoutesPublicReadsPass() {
        Admission read = routed("/api/v1/events");
        assertTrue(step.apply(Heads.request("GET", "/api/v1/events"), read).isEmpty());
        assertEquals("public-read", read.rateClass());
        assertNull(read.client());
        Answer write = step.apply(Heads.request("POST", "/api/v1/events"), routed("/api/v1/events")).orElseThrow();
        assertEquals(401, write.status());
        assertEquals("Bearer realm=\"kepu\"", write.headers().get("WWW-Authenticate"));
        assertEquals(401, step.apply(Heads.request("GET", "/api/v1/reports"), routed("/api/v1/reports"))
                .orElseThrow().status());
        assertFalse(step.verifiesToken(Heads.request("GET", "/api/v1/events")));
    }

    @Test
    void aPresentedTokenMustBeValidEvenWhereNoneIsNeeded() {
        Heads.Head head = Heads.request("GET", "/api/v1/events").with("Authorization", "Bearer forged");
        assertTrue(step.verifiesToken(head));
        Answer answer = step.apply(head, routed("/api/v1/events")).orElseThrow();
        assertEquals(401, answer.status());
        assertTrue(answer.headers().get("WWW-Authenticate").contains("invalid_token"));
        assertEquals(401, step.apply(Heads.request("GET", "/api/v1/events").with("Authorization", "Basic b3JnOnB3"),
                routed("/api/v1/events")).orElseThrow().status());
    }

    @Test
    void theClientIsTheSubjectOrForAPartnerThePartner() {
        Admission organizer = routed("/api/v1/reports");
        assertTrue(step.apply(Heads.request("GET", "/api/v1/reports").with("Authorization", "bearer organizer"),
                organizer).isEmpty());
        assertEquals("organizer@gz", organizer.client());
        assertEquals("authenticated", organizer.rateClass());
        Admission partner = routed("/api/v1/events");
        step.apply(Heads.request("POST", "/api/v1/events").with("Authorization", "Bearer partner"), partner);
        assertEquals("partner:gz-estation", partner.client());
    }
}
