package org.kepu.gateway.domain;

import java.util.List;

/**
 * A service's circuit as the gateway's passive health makes it: closed while any instance is in the rotation,
 * half-open when every instance has been ejected but one may take a trial request, open when every instance is
 * skipped and requests are answered 503 at once. Exported as {@code kepu_gateway_upstream_circuit_state} with the
 * {@link #gaugeValue()} below.
 */
public enum CircuitState {

    CLOSED(0), HALF_OPEN(1), OPEN(2);

    private final int gaugeValue;

    CircuitState(int gaugeValue) {
        this.gaugeValue = gaugeValue;
    }

    /** 0 closed, 1 half-open, 2 open: ordered by how little gets through, so an alert can say {@code > 0}. */
    public int gaugeValue() {
        return gaugeValue;
    }

    /** The circuit of a service with these instances, at {@code now} (System.nanoTime's scale, as Instance's). */
    public static CircuitState of(List<Instance> instances, long now) {
        boolean allSkipped = true;
        for (Instance instance : instances) {
            if (!instance.ejected()) {
                return CLOSED;
            }
            allSkipped &= instance.skipped(now);
        }
        return allSkipped ? OPEN : HALF_OPEN;
    }
}
