package dev.gatehouse.credential.password;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Where Argon2 computations of this JVM run: at most one per processor at once, and at most
 * {@link PhcHash.Argon2#MAX_MEMORY_KIB} of memory among them. The others wait their turn in arrival order, holding
 * nothing (callers hash outside any transaction). More computations at once than processors only share the processors
 * while each keeps its memory the longer: measured with the side-by-side benchmark's password sign-ins (Argon2id t=5,
 * 7 MiB, 2 processors), 16 at once completed 18 to 22 per second with 6 to 8 young collections a second, 2 at once 33
 * to 43 per second; 16 sign-ins at once through these slots complete 33 to 43 per second again.
 */
final class Argon2Slots {

    private static final Semaphore PROCESSORS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    private static final Semaphore HEAP_KIB = new Semaphore(PhcHash.Argon2.MAX_MEMORY_KIB, true);

    private Argon2Slots() {
    }

    /** Runs {@code computation}, which allocates about {@code memoryKib}, once a processor and that memory are free. */
    static <T> T run(int memoryKib, Supplier<T> computation) {
        PROCESSORS.acquireUninterruptibly();
        try {
            HEAP_KIB.acquireUninterruptibly(memoryKib);
            try {
                return computation.get();
            } finally {
                HEAP_KIB.release(memoryKib);
            }
        } finally {
            PROCESSORS.release();
        }
    }
}
