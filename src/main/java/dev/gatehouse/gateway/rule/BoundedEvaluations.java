package dev.gatehouse.gateway.rule;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs jsonnet evaluations on their own daemon threads, each bounded in time, at most {@link #MAX_RUNNING} at
 * once. A finite but heavy program would otherwise hold the rule reloader or a validation request for as long as
 * it likes. On timeout the caller gets an {@link InvalidRuleException} at once and the worker is interrupted (the
 * evaluator checks for that at every expression, see {@link JsonnetDocuments}); a worker stuck in a single
 * built-in keeps its slot until it ends, so abandoned workers can never pile up beyond the bound.
 *
 * <p>Plain threads rather than a container-managed executor: rule files are also read outside the container
 * (unit tests, the benchmark), and an evaluation needs no container context.
 */
final class BoundedEvaluations {

    static final int MAX_RUNNING = 4;

    private static final Semaphore SLOTS = new Semaphore(MAX_RUNNING);

    private BoundedEvaluations() {
    }

    /** {@code evaluation}'s result, or an {@link InvalidRuleException} when it takes longer than {@code timeout}. */
    static <T> T run(Supplier<T> evaluation, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!SLOTS.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new InvalidRuleException("document", "was not evaluated: " + MAX_RUNNING
                        + " earlier jsonnet evaluations are still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidRuleException("document", "was not evaluated: interrupted");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(evaluation.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                SLOTS.release();
            }
        }, "gatehouse-jsonnet");
        worker.setDaemon(true);
        try {
            worker.start();
        } catch (Throwable t) {
            SLOTS.release();
            throw t;
        }
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new InvalidRuleException("document", "was stopped: evaluation took longer than " + words(timeout));
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new InvalidRuleException("document", "was not evaluated: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** 5s, 1500ms, 2m: the way the configuration spells it. */
    static String words(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
