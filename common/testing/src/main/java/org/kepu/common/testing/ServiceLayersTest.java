package org.kepu.common.testing;

import org.junit.jupiter.api.Test;

/**
 * The layer rules of a service with the standard packages ({@code rest}, {@code service}, {@code domain},
 * {@code repository}, {@code messaging}, {@code config}) as tests: a service's {@code ArchitectureTest} extends it
 * and names its base package.
 */
public abstract class ServiceLayersTest {

    private final LayerRules rules;

    protected ServiceLayersTest(String basePackage) {
        this.rules = LayerRules.of(basePackage);
    }

    @Test
    void domainKnowsNoTransportOrStorage() {
        rules.domainKnowsNoTransportOrStorage();
    }

    @Test
    void restCallsServiceOnly() {
        rules.restCallsServiceOnly();
    }

    @Test
    void serviceKnowsNoWebTypes() {
        rules.serviceKnowsNoWebTypes();
    }

    @Test
    void packagesAreFreeOfCycles() {
        rules.packagesAreFreeOfCycles();
    }
}
