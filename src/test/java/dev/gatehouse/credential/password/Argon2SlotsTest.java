package dev.gatehouse.credential.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A slot or memory that is never given back shows as a time-out, not a hang. */
@Timeout(60)
class Argon2SlotsTest {

    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    @Test
    void runWhenMoreComputationsThanProcessorsThenAtMostOnePerProcessorRunsAtOnce() throws Exception {
        int callers = PROCESSORS * 4;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    allStarted.countDown();
                    allStarted.await();
                    return Argon2Slots.run(8, () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        busy(20);
                        running.decrementAndGet();
                        return n;
                    });
                }));
            }
            for (int i = 0; i < callers; i++) {
                assertEquals(i, done.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(PROCESSORS, most.get(), "computations running at once, at most");
    }

    @Test
    void runWhenTheComputationFailsThenItsSlotIsFreeAgain() {
        for (int i = 0; i < PROCESSORS + 1; i++) {
            try {
                Argon2Slots.run(PhcHash.Argon2.MAX_MEMORY_KIB, () -> {
                    throw new IllegalStateException("failed");
                });
            } catch (IllegalStateException expected) {
                // the slot and all the memory must be back for the next one
            }
        }
        assertEquals("ran", Argon2Slots.run(PhcHash.Argon2.MAX_MEMORY_KIB, () -> "ran"));
    }

    /** Holds the slot for about {@code millis}, as a computation does: on the processor, not asleep. */
    private static void busy(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
