package org.kepu.common.testing;

import java.util.Random;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The seed of the random data tests draw (group sizes, places, phone numbers…): {@code -Dkepu.test.seed=…} replays a
 * run's draws, otherwise one is drawn per run. A test class that draws extends with this, so that a failing test prints
 * the seed to replay it with.
 */
public final class TestSeed implements TestWatcher {

    public static final long SEED = seed();

    /**
     * Drawn once per JVM and kept as the system property: a {@code @QuarkusTest} loads this class again in Quarkus'
     * class loader, and both copies must hold the seed the failure message prints.
     */
    private static long seed() {
        synchronized (System.getProperties()) {
            String seed = System.getProperty("kepu.test.seed");
            if (seed == null) {
                seed = String.valueOf(System.nanoTime());
                System.setProperty("kepu.test.seed", seed);
            }
            return Long.parseLong(seed);
        }
    }

    /**
     * A generator of its own for each {@code use} (say, the test's name), so that what one test draws does not depend
     * on which tests ran before it.
     */
    public static Random random(String use) {
        return new Random(SEED ^ use.hashCode());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.err.printf("%s.%s failed with random data drawn from seed %d: replay it with -Dkepu.test.seed=%d%n",
                context.getRequiredTestClass().getSimpleName(), context.getDisplayName(), SEED, SEED);
    }
}
