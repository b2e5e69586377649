package org.kepu.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The relay's passes: one at a time, and no request left without a pass that began after it. */
class CoalescingPassTest {

    private final CoalescingPass passes = new CoalescingPass();

    @Test
    void aRequestDuringAPassMakesThatPassGoRoundAgain() throws Exception {
        CountDownLatch inFirstPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Thread first = new Thread(() -> passes.run(() -> {
            if (runs.incrementAndGet() == 1) {
                inFirstPass.countDown();
                await(release);
            }
        }));
        first.start();
        assertTrue(inFirstPass.await(10, TimeUnit.SECONDS));

        passes.request();
        assertFalse(passes.run(runs::incrementAndGet), "a second pass does not start beside the first");
        release.countDown();
        first.join(10_000);
        assertEquals(2, runs.get(), "the first pass went round once more for the request");
    }

    @Test
    void withoutRequestsAPassRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertTrue(passes.run(runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    /** Many threads request and run at once; when all have returned, the last pass began after the last request. */
    @RepeatedTest(200)
    void everyRequestIsServedByAPassThatBeganAfterIt() throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong servedUpTo = new AtomicLong();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                await(start);
                for (int i = 0; i < 50; i++) {
                    requests.incrementAndGet();
                    passes.request();
                    passes.run(() -> {
                        mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                        servedUpTo.accumulateAndGet(requests.get(), Math::max);
                        concurrent.decrementAndGet();
                    });
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertEquals(requests.get(), servedUpTo.get(), "a request no pass began after");
        assertEquals(1, mostAtOnce.get(), "passes never overlap");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
