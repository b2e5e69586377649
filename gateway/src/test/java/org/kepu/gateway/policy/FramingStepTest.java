package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FramingStepTest {

    private final FramingStep step = new FramingStep();

    @Test
    void aHeadTheServiceMightFrameOtherwiseIsRefusedAndTheConnectionCloses() {
        Admission admission = new Admission();
        Answer answer = step.apply(Heads.request("POST", "/api/v1/events").with("Transfer-Encoding", "gzip"),
                admission).orElseThrow();
        assertEquals(400, answer.status());
        assertEquals("malformed-request", answer.problemType());
        assertEquals(Answer.Connection.CLOSE, answer.connection());
        assertEquals(Admission.INVALID_REQUEST, admission.uriTemplate());
        assertEquals(400, step.apply(Heads.request("GET", "/").with("Host", "other.example"), new Admission())
                .orElseThrow().status());
    }

    @Test
    void http10WithoutHostAndHttp2PassAsTheirFramingAllows() {
        Heads.Head noHost = new Heads.Head("GET", "/", false, false, new java.util.HashMap<>(), "198.51.100.7");
        assertTrue(step.apply(noHost, new Admission()).isEmpty());
        assertTrue(step.apply(noHost.overHttp2(), new Admission()).isEmpty());
        assertTrue(step.apply(Heads.request("POST", "/").with("Transfer-Encoding", "chunked"), new Admission())
                .isEmpty());
    }
}
