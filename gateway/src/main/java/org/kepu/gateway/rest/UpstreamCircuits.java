package org.kepu.gateway.rest;

import jakarta.inject.Singleton;

import org.kepu.gateway.domain.CircuitState;
import org.kepu.gateway.domain.Instance;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Each upstream service's circuit as gauges, one series per service: {@code kepu_gateway_upstream_circuit_state}
 * (0 closed, 1 half-open, 2 open; {@link CircuitState}) and {@code kepu_gateway_upstream_instances_ejected}, how many
 * of its instances passive health has taken out of the rotation. Read at each scrape from the instances' own state,
 * never per request; registered at start, so every route has its series before anything fails.
 */
@Startup
@Singleton
class UpstreamCircuits {

    UpstreamCircuits(RouteTable routes, MeterRegistry registry) {
        for (Route route : routes.all()) {
            Gauge.builder("kepu.gateway.upstream.circuit.state", route,
                    r -> CircuitState.of(r.instances(), System.nanoTime()).gaugeValue())
                    .tag("service", route.service())
                    .description("The service's circuit at the gateway: 0 closed, 1 half-open, 2 open")
                    .register(registry);
            Gauge.builder("kepu.gateway.upstream.instances.ejected", route,
                    r -> r.instances().stream().filter(Instance::ejected).count())
                    .tag("service", route.service())
                    .description("The service's instances passive health has taken out of the rotation")
                    .register(registry);
        }
    }
}
