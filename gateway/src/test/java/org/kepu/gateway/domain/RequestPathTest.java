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
        assertRefused("/api/v1/events%2F..%2Fq", "/api/v1/events%2f1", "/api/v1\\events",
                "/api/v1/%5Cevents", "/api/v1/events%00", "/api/v1/ev\0ents");
    }

    @Test
    void whatIsRefusedIsRefusedAfterDotSegmentsAndRepeatedSlashesToo() {
        // Each once passed: the check stopped at the first dot-segment, repeated slash or encoded dot (issue 42).
        assertRefused("/api/v1/events/..%2F..%2Fq/metrics", "/api/v1/events//a%2Fb",
                "/api/v1/events/./a%5cb", "/api/v1/events/%2e/a%5Cb", "/api/v1//events/a\\b", "/api/v1/./events%00");
    }

    @Test
    void separatorsEncodedMoreThanOnceAreRefused() {
        assertRefused("/api/v1/events/a%252Fb", "/api/v1/events/a%252fb", "/api/v1/events/a%255Cb",
                "/api/v1/events/a%25252F", "/api/v1/events/%25%32%46", "/api/v1/events/%%32%66", "/api/v1/events/%2500");
    }

    @Test
    void dotSegmentsHiddenByDoubleEncodingOrParametersAreRefused() {
        assertRefused("/api/v1/events/%252E%252E/q", "/api/v1/events/%252e/q", "/api/v1/events/..;/q",
                "/api/v1/events/.;v=1/q", "/api/v1/events/%2E%2E%3B/q", "/api/v1/events/q/..;");
    }

    @Test
    void escapesThatHideNothingAreForwardedAsSent() {
        assertEquals("/api/v1/events/100%25/a;v=1/%2541", RequestPath.normalise("/api/v1/events/./100%25/a;v=1/%2541"));
        assertEquals("/api/v1/events/..x%2E/%2", RequestPath.normalise("/api/v1/events/..x%2E/%2"));
    }

    @Test
    void onlyAbsolutePathsAreAccepted() {
        assertRefused("api/v1/events", "");
    }

    private static void assertRefused(String... paths) {
        for (String path : paths) {
            assertThrows(RequestPath.Refused.class, () -> RequestPath.normalise(path), path);
        }
    }
}
