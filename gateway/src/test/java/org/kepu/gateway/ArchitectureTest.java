package org.kepu.gateway;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.LayerRules;

/**
 * The gateway keeps the layer rules every module keeps (LayerRules); a change that breaks one fails here. It has no
 * repository, so rest's reaching storage only through service does not apply.
 */
class ArchitectureTest {

    private static final LayerRules RULES = LayerRules.of("org.kepu.gateway");

    @Test
    void domainKnowsNoTransportOrStorage() {
        RULES.domainKnowsNoTransportOrStorage();
    }

    @Test
    void packagesAreFreeOfCycles() {
        RULES.packagesAreFreeOfCycles();
    }
}
