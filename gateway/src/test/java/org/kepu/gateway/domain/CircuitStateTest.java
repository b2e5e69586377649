package org.kepu.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A service's circuit from its instances' passive health, and the gauge value each state exports. */
class CircuitStateTest {

    private static final long SECOND = 1_000_000_000L;

    private final Instance first = instance(8081);
    private final Instance second = instance(8091);
    private final List<Instance> both = List.of(first, second);

    @Test
    void closedWhileAnyInstanceIsInTheRotation() {
        assertEquals(CircuitState.CLOSED, CircuitState.of(both, 0));
        eject(first, 0);
        assertEquals(CircuitState.CLOSED, CircuitState.of(both, SECOND), "one instance left still serves");
    }

    @Test
    void openWhenEveryInstanceIsSkipped() {
        eject(first, 0);
        eject(second, 0);
        assertEquals(CircuitState.OPEN, CircuitState.of(both, SECOND));
    }

    @Test
    void halfOpenOnceAnEjectedInstanceMayTakeItsTrialThenOpenWhileTheTrialRuns() {
        eject(first, 0);
        eject(second, 0);
        assertEquals(CircuitState.HALF_OPEN, CircuitState.of(both, 11 * SECOND), "the ejection time is over");
        assertTrue(first.tryAcquire(11 * SECOND));
        assertTrue(second.tryAcquire(11 * SECOND));
        assertEquals(CircuitState.OPEN, CircuitState.of(both, 11 * SECOND), "both trials under way: nothing more gets through");
        first.succeeded();
        assertEquals(CircuitState.CLOSED, CircuitState.of(both, 12 * SECOND), "a successful trial closes it");
    }

    @Test
    void askingTheStateTakesNoTrial() {
        eject(first, 0);
        assertTrue(first.ejected());
        assertFalse(first.skipped(11 * SECOND));
        CircuitState.of(List.of(first), 11 * SECOND);
        assertTrue(first.tryAcquire(11 * SECOND), "the trial is still there for a request");
    }

    @Test
    void gaugeValuesRiseWithHowLittleGetsThrough() {
        assertEquals(0, CircuitState.CLOSED.gaugeValue());
        assertEquals(1, CircuitState.HALF_OPEN.gaugeValue());
        assertEquals(2, CircuitState.OPEN.gaugeValue());
    }

    private static Instance instance(int port) {
        return new Instance(URI.create("http://10.0.0.5:" + port), 3, Duration.ofSeconds(10));
    }

    private static void eject(Instance instance, long now) {
        for (int i = 0; i < 3; i++) {
            assertTrue(instance.tryAcquire(now));
            instance.failed(now);
        }
    }
}
