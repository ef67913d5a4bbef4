package dev.gatehouse.gateway.rule;

import dev.gatehouse.platform.jsonnet.Jsonnet;
import dev.gatehouse.platform.jsonnet.JsonnetException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs jsonnet evaluations on their own daemon threads ({@link Jsonnet#bounded}), each bounded in time, at most
 * {@link #MAX_RUNNING} at once (shared with every other jsonnet evaluation of the server). A finite but heavy program would otherwise hold the rule reloader or a validation request for as long as
 * it likes. On timeout the caller gets an {@link InvalidRuleException} at once and the worker is interrupted (the
 * evaluator checks for that at every expression, see {@link JsonnetDocuments}); a worker stuck in a single
 * built-in keeps its slot until it ends, so abandoned workers can never pile up beyond the bound.
 *
 * <p>Plain threads rather than a container-managed executor: rule files are also read outside the container
 * (unit tests, the benchmark), and an evaluation needs no container context.
 */
final class BoundedEvaluations {

    static final int MAX_RUNNING = Jsonnet.MAX_RUNNING;

    private BoundedEvaluations() {
    }

    /** {@code evaluation}'s result, or an {@link InvalidRuleException} when it takes longer than {@code timeout}. */
    static <T> T run(Supplier<T> evaluation, Duration timeout) {
        try {
            return Jsonnet.bounded(evaluation, timeout);
        } catch (JsonnetException e) {
            throw new InvalidRuleException("document", e.reason());
        }
    }

    /** 5s, 1500ms, 2m: the way the configuration spells it. */
    static String words(Duration d) {
        return Jsonnet.words(d);
    }
}
