package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdStepTest {

    private final RequestIdStep step = new RequestIdStep();

    @Test
    void aSafeIdFromTheCallerIsKept() {
        Admission admission = new Admission();
        assertTrue(step.apply(Heads.request("GET", "/api/v1/events").with("X-Request-Id", "abc-123_x"), admission)
                .isEmpty());
        assertEquals("abc-123_x", admission.requestId());
    }

    @Test
    void anUnsafeOrMissingIdIsReplacedByANewOne() {
        Admission unsafe = new Admission();
        step.apply(Heads.request("GET", "/").with("X-Request-Id", "evil\r\nSet-Cookie: x"), unsafe);
        Admission missing = new Admission();
        step.apply(Heads.request("GET", "/"), missing);
        assertEquals(4, UUID.fromString(unsafe.requestId()).version());
        assertEquals(4, UUID.fromString(missing.requestId()).version());
        assertNotEquals(unsafe.requestId(), missing.requestId());
    }
}
