package org.kepu.gateway.policy;

import org.kepu.gateway.config.EdgePolicies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouteStepTest {

    private final RouteStep step = new RouteStep(EdgePolicies.routes(Heads.config()), 1000);

    private static Admission at(String path) {
        Admission admission = new Admission();
        admission.path = path;
        return admission;
    }

    @Test
    void thePathsOwnerIsChosen() {
        Admission admission = at("/api/v1/events/42");
        assertTrue(step.apply(Heads.request("GET", "/api/v1/events/42"), admission).isEmpty());
        assertEquals("events", admission.route().service());
        assertEquals(admission.route().template("/api/v1/events/42"), admission.uriTemplate());
    }

    @Test
    void aPathNoServiceOwnsIs404() {
        Admission admission = at("/q/metrics");
        Answer answer = step.apply(Heads.request("GET", "/q/metrics"), admission).orElseThrow();
        assertEquals(404, answer.status());
        assertEquals(Admission.NO_ROUTE, admission.uriTemplate());
        assertNull(admission.route());
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedUnread() {
        Answer answer = step.apply(Heads.request("POST", "/api/v1/events").with("Content-Length", "1001"),
                at("/api/v1/events")).orElseThrow();
        assertEquals(413, answer.status());
        assertEquals(Answer.Connection.REFUSE_BODY, answer.connection());
        assertEquals(413, step.apply(Heads.request("POST", "/api/v1/events").with("Content-Length", "lots"),
                at("/api/v1/events")).orElseThrow().status());
        assertTrue(step.apply(Heads.request("POST", "/api/v1/events").with("Content-Length", "1000"),
                at("/api/v1/events")).isEmpty());
    }
}
