package dev.gatehouse.credential.password;

import java.util.Arrays;

/**
 * Measures one Argon2id hash with the shipped defaults on this machine, to calibrate
 * {@code gatehouse.password.argon2.*}: warms the JIT up, then prints the median and spread of 20 hashes.
 * Not a test: timings belong to the machine, not to the build. Run it as docs/testing.md says ("Benchmarks").
 */
public final class HashTiming {

    private static final int WARM_UP = 30;
    private static final int RUNS = 20;

    private HashTiming() {
    }

    public static void main(String[] args) {
        PasswordConfig config = PasswordConfigs.defaults();
        PasswordHasher hasher = new PasswordHasher(config);
        for (int i = 0; i < WARM_UP; i++) {
            hasher.hash("warm-up password " + i);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            hasher.hash("timed password " + i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("argon2id m=%d KiB, t=%d, p=%d on %d processors: median %.0f ms (min %.0f, max %.0f) over %d hashes%n",
                config.argon2MemoryKib(), config.argon2Iterations(), config.argon2Parallelism(),
                Runtime.getRuntime().availableProcessors(),
                nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
    }
}
