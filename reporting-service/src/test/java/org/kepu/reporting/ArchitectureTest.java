package org.kepu.reporting;

import org.kepu.common.testing.ServiceLayersTest;

/** reporting-service keeps the layer rules every service keeps; a change that breaks one fails here. */
class ArchitectureTest extends ServiceLayersTest {

    ArchitectureTest() {
        super("org.kepu.reporting");
    }
}
