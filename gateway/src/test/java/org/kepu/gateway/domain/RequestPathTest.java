package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void aPlainPathIsTakenAsItIs() {
        String path = "/api/v1/events/3f6c0e0a-2b1c-4c1e-9b8e-1a2b3c4d5e6f";
        assertSame(path, RequestPath.normalise(path));
    }

    @Test
    void dotSegmentsAreRemovedAndCannotClimbAboveTheRoot() {
        assertEquals("/api/q/metrics", RequestPath.normalise("/api/v1/reports/../../q/metrics"));
        assertEquals("/q/metrics", RequestPath.normalise("/api/../q/metrics"));
        assertEquals("/q/health", RequestPath.normalise("/../../q/health"));
        assertEquals("/api/v1/events", RequestPath.normalise("/api/./v1/./events"));
        assertEquals("/api/v1/", RequestPath.normalise("/api/v1/events/.."));
        assertEquals("/api/v1/events/", RequestPath.normalise("/api/v1/events/."));
    }

    @Test
    void encodedDotsAreDots() {
        assertEquals("/api/q/metrics", RequestPath.normalise("/api/v1/%2e%2E/q/metrics"));
        assertEquals("/api/v1/events", RequestPath.normalise("/api/v1/%2e/events"));
    }

    @Test
    void repeatedSlashesMergeAndATrailingOneStays() {
        assertEquals("/api/v1/events/", RequestPath.normalise("//api///v1/events//"));
    }

    @Test
    void namesThatOnlyStartWithDotsAreKept() {
        assertEquals("/api/v1/files/.well-known/..x", RequestPath.normalise("/api/v1/files/.well-known/..x"));
    }

    @Test
    void encodedSlashesBackslashesAndNulAreRefused() {
        for (String path : new String[]{"/api/v1/events%2F..%2Fq", "/api/v1/events%2f1", "/api/v1\\events",
                "/api/v1/%5Cevents", "/api/v1/events%00", "/api/v1/ev\0ents"}) {
            assertThrows(RequestPath.Refused.class, () -> RequestPath.normalise(path), path);
        }
    }

    @Test
    void onlyAbsolutePathsAreAccepted() {
        assertThrows(RequestPath.Refused.class, () -> RequestPath.normalise("api/v1/events"));
        assertThrows(RequestPath.Refused.class, () -> RequestPath.normalise(""));
    }
}
