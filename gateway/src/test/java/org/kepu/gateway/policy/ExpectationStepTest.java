package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpectationStepTest {

    private final ExpectationStep step = new ExpectationStep();

    @Test
    void continueIsUnderstoodAnyOtherExpectationIsRefused() {
        assertTrue(step.apply(Heads.request("POST", "/").with("Expect", "100-Continue"), new Admission()).isEmpty());
        assertTrue(step.apply(Heads.request("POST", "/"), new Admission()).isEmpty());
        Answer answer = step.apply(Heads.request("POST", "/").with("Expect", "200-ok"), new Admission()).orElseThrow();
        assertEquals(417, answer.status());
        assertEquals(Answer.Connection.ANNOUNCE_CLOSE, answer.connection());
    }
}
