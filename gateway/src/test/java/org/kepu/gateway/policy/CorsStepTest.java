package org.kepu.gateway.policy;

import org.kepu.gateway.config.EdgePolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorsStepTest {

    private final CorsStep step = new CorsStep(EdgePolicies.cors(Heads.config()));

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredHere() {
        Admission admission = new Admission();
        Answer answer = step.apply(Heads.request("OPTIONS", "/api/v1/events").with("Origin", "https://kepu.example")
                .with("Access-Control-Request-Method", "POST"), admission).orElseThrow();
        assertEquals(204, answer.status());
        assertNull(answer.problemType());
        assertTrue(answer.headers().get("Access-Control-Allow-Methods").contains("POST"));
        assertEquals("https://kepu.example", admission.answerHeaders().get("Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedAndItsOtherRequestsGetNoMarks() {
        Answer refused = step.apply(Heads.request("OPTIONS", "/api/v1/events").with("Origin", "https://evil.example")
                .with("Access-Control-Request-Method", "POST"), new Admission()).orElseThrow();
        assertEquals(403, refused.status());
        Admission simple = new Admission();
        assertTrue(step.apply(Heads.request("GET", "/api/v1/events").with("Origin", "https://evil.example"), simple)
                .isEmpty());
        assertTrue(simple.answerHeaders().isEmpty());
    }

    @Test
    void anAllowedOriginsRequestGoesOnMarkedForItsPage() {
        Admission admission = new Admission();
        assertTrue(step.apply(Heads.request("GET", "/api/v1/events").with("Origin", "https://kepu.example"), admission)
                .isEmpty());
        assertEquals("Origin", admission.answerHeaders().get("Vary"));
        assertTrue(admission.answerHeaders().get("Access-Control-Expose-Headers").contains("ETag"));
        assertTrue(step.apply(Heads.request("GET", "/api/v1/events"), new Admission()).isEmpty());
    }
}
