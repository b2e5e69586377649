package org.kepu.gateway.policy;

import java.util.Optional;

import org.kepu.gateway.domain.TrustedProxies;

/**
 * Who the client is, by address: the connection's peer, or behind trusted proxies the address they forwarded
 * ({@code X-Forwarded-For}, read from the right). Anonymous rate limits and the access line use it. Never refuses.
 */
public final class ClientAddressStep implements PolicyStep {

    private final TrustedProxies trustedProxies;

    public ClientAddressStep(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String peer = head.peerAddress() == null ? "unknown" : head.peerAddress();
        admission.clientAddress = trustedProxies.clientAddress(peer, head.headers("X-Forwarded-For"));
        return Optional.empty();
    }
}
