package org.kepu.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The proxy keeps connection-specific headers to its own hop (RFC 9110 §7.6.1), whatever their case. */
class HopByHopHeadersTest {

    @Test
    void connectionSpecificHeadersStayBehindWhateverTheirCase() {
        for (String name : List.of("Connection", "keep-alive", "Proxy-Authenticate", "proxy-authorization", "TE",
                "Trailer", "Transfer-Encoding", "UPGRADE", "Host", "Proxy-Connection")) {
            assertTrue(UpstreamProxy.isHopByHop(name), name);
        }
    }

    @Test
    void endToEndHeadersPassEvenWhenTheyLookAlike() {
        for (String name : List.of("Content-Type", "Authorization", "X-Request-Id", "Hosts", "Trailers", "tf",
                "Content-Length", "Keep-Alive2", "X-Forwarded-Host", "")) {
            assertFalse(UpstreamProxy.isHopByHop(name), name);
        }
    }

    @Test
    void headersAMessageNamesInItsConnectionHeaderAreItsOwnHopsToo() {
        var named = UpstreamProxy.namedInConnection(List.of("X-Foo, keep-alive", "x-bar ,close"));
        assertTrue(UpstreamProxy.isNamed(named, "X-FOO"));
        assertTrue(UpstreamProxy.isNamed(named, "X-Bar"));
        assertFalse(UpstreamProxy.isNamed(named, "X-Baz"));
        assertTrue(UpstreamProxy.namedInConnection(List.of("keep-alive")).isEmpty());
        assertTrue(UpstreamProxy.namedInConnection(List.of()).isEmpty());
    }
}
