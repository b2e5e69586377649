package org.kepu.venues;

import org.kepu.common.testing.ServiceLayersTest;

/** venue-service keeps the layer rules every service keeps; a change that breaks one fails here. */
class ArchitectureTest extends ServiceLayersTest {

    ArchitectureTest() {
        super("org.kepu.venues");
    }
}
