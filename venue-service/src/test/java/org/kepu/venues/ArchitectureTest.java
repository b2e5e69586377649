package org.kepu.venues;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.LayerRules;

/** venue-service keeps the layer rules every service keeps (LayerRules); a change that breaks one fails here. */
class ArchitectureTest {

    private static final LayerRules RULES = LayerRules.of("org.kepu.venues");

    @Test
    void domainKnowsNoTransportOrStorage() {
        RULES.domainKnowsNoTransportOrStorage();
    }

    @Test
    void restCallsServiceOnly() {
        RULES.restCallsServiceOnly();
    }

    @Test
    void packagesAreFreeOfCycles() {
        RULES.packagesAreFreeOfCycles();
    }
}
