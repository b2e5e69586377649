package org.kepu.common.outbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pass over pending work that runs at most once at a time, where a request made while a pass runs is never lost: the
 * pass under way goes round once more instead. (A pass that had already read its last batch would otherwise end
 * without the work committed meanwhile, which then waited for the next poll.)
 */
final class CoalescingPass {

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();

    /** Says that new work exists; call it before {@link #run}, so that a pass under way sees it. */
    void request() {
        again.set(true);
    }

    /**
     * Runs {@code pass} now, and again for as long as requests arrive during it, unless another thread's pass is under
     * way (that one then serves the requests); returns whether this thread ran it.
     */
    boolean run(Runnable pass) {
        boolean ran = false;
        do {
            if (!running.tryLock()) {
                return ran;
            }
            try {
                do {
                    again.set(false);
                    pass.run();
                    ran = true;
                } while (again.get());
            } finally {
                running.unlock();
            }
            // A request between the last look and the unlock found the lock still held: serve it here.
        } while (again.get());
        return ran;
    }
}
