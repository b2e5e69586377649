package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class AnonymousWriteTest {

    private final AnonymousWrite register = AnonymousWrite.parse("POST /api/v1/events/*/registrations");

    @Test
    void opensExactlyTheConfiguredOperation() {
        assertTrue(register.matches("POST", "/api/v1/events/4f0c6a5e-0d1f-4c8e-9d21-51f2f3b1a001/registrations"));
    }

    @Test
    void staysClosedForOtherMethodsPathsAndWhatIsBelow() {
        assertFalse(register.matches("GET", "/api/v1/events/x/registrations"));
        assertFalse(register.matches("PUT", "/api/v1/events/x/registrations"));
        assertFalse(register.matches("POST", "/api/v1/events/x/publish"));
        assertFalse(register.matches("POST", "/api/v1/events/x/registrations/y/cancel"));
        assertFalse(register.matches("POST", "/api/v1/events//registrations"));
        assertFalse(register.matches("POST", "/api/v1/events/registrations"));
    }

    @Test
    void aRouteLetsTheAnonymousMakeOnlyItsOpenedWritesAndReads() {
        Route events = new Route("events", List.of("/api/v1/events"),
                List.of(new Instance(java.net.URI.create("http://127.0.0.1:1"), 3, Duration.ofSeconds(1))),
                List.of("/api/v1/events"), List.of(register), Duration.ofSeconds(1));
        assertTrue(events.allowsAnonymous("POST", "/api/v1/events/x/registrations"));
        assertTrue(events.allowsAnonymous("GET", "/api/v1/events/x"));
        assertFalse(events.allowsAnonymous("POST", "/api/v1/events"));
        assertFalse(events.allowsAnonymous("DELETE", "/api/v1/events/x"));
    }

    @Test
    void refusesAMalformedSpecAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> AnonymousWrite.parse("/api/v1/events/*/registrations"));
    }
}
