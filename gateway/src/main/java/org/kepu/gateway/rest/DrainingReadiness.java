package org.kepu.gateway.rest;

import org.kepu.gateway.transport.InFlightRequests;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while draining on the way down: load balancers and Kubernetes stop sending new requests. */
@Readiness
@Singleton
public class DrainingReadiness implements HealthCheck {

    private final InFlightRequests inFlight;

    public DrainingReadiness(InFlightRequests inFlight) {
        this.inFlight = inFlight;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gateway-accepting-requests").status(!inFlight.draining()).build();
    }
}
