package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathStepTest {

    private final PathStep step = new PathStep();

    @Test
    void thePathIsDecidedOnceNormalised() {
        Admission admission = new Admission();
        assertTrue(step.apply(Heads.request("GET", "/api/v1/reports/../../../q//metrics"), admission).isEmpty());
        assertEquals("/q/metrics", admission.path());
    }

    @Test
    void aPathAServiceMightReadOtherwiseIsRefused() {
        Admission admission = new Admission();
        Answer answer = step.apply(Heads.request("GET", "/api/v1/events%2F..%2Fadmin"), admission).orElseThrow();
        assertEquals(400, answer.status());
        assertEquals("invalid-path", answer.problemType());
        assertEquals(Admission.INVALID_REQUEST, admission.uriTemplate());
    }

    @Test
    void anEncodedSlashAfterDotSegmentsIsRefusedToo() {
        Admission admission = new Admission();
        Answer answer = step.apply(Heads.request("GET", "/api/v1/events/..%2F..%2Fq/metrics"), admission)
                .orElseThrow();
        assertEquals(400, answer.status());
        assertEquals("invalid-path", answer.problemType());
    }
}
