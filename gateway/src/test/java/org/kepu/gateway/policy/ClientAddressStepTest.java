package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kepu.gateway.domain.TrustedProxies;

class ClientAddressStepTest {

    private final ClientAddressStep step = new ClientAddressStep(TrustedProxies.of(List.of("10.0.0.0/8")));

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClients() {
        Admission admission = new Admission();
        step.apply(Heads.request("GET", "/").from("10.1.2.3").with("X-Forwarded-For", "203.0.113.9"), admission);
        assertEquals("203.0.113.9", admission.clientAddress());
    }

    @Test
    void fromAnyoneElseTheForwardedHeaderIsIgnored() {
        Admission admission = new Admission();
        step.apply(Heads.request("GET", "/").from("198.51.100.7").with("X-Forwarded-For", "203.0.113.9"), admission);
        assertEquals("198.51.100.7", admission.clientAddress());
    }
}
