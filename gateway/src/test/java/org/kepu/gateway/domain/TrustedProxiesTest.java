package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies ingress = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void rangesMatchByPrefix() {
        assertTrue(ingress.trusts("10.42.0.3"));
        assertTrue(ingress.trusts("192.168.1.7"));
        assertFalse(ingress.trusts("192.168.1.8"));
        assertTrue(ingress.trusts("fd12:3456::1"));
        assertFalse(ingress.trusts("203.0.113.9"));
        assertFalse(ingress.trusts("not-an-address"));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeaderSays() {
        assertEquals("203.0.113.9", ingress.clientAddress("203.0.113.9", List.of("1.2.3.4")));
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightmostUntrustedHop() {
        assertEquals("198.51.100.20",
                ingress.clientAddress("10.0.0.5", List.of("1.2.3.4, 198.51.100.20", "10.1.1.1")));
    }

    @Test
    void whenEveryHopIsTrustedTheFirstIsTheClient() {
        assertEquals("10.9.9.9", ingress.clientAddress("10.0.0.5", List.of("10.9.9.9, 10.1.1.1")));
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheTrust() {
        assertEquals("10.0.0.5", ingress.clientAddress("10.0.0.5", List.of("1.2.3.4, unknown")));
    }

    @Test
    void nobodyIsTrustedByDefault() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertEquals("10.0.0.5", none.clientAddress("10.0.0.5", List.of("1.2.3.4")));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertFalse(ingress.trusts("localhost"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("gateway.internal")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
    }
}
