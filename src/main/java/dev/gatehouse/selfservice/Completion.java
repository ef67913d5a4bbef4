package dev.gatehouse.selfservice;

/**
 * What a method does in a submission's one transaction, after the work that must hold no database connection
 * (a password's hash, a policy lookup) is done. The flow handler runs it in the transaction that also stores
 * the flow and any session.
 *
 * @param <R> the method's result for its flow
 */
@FunctionalInterface
public interface Completion<R> {

    R complete();

    /** A completion that stores nothing of its own and ends with {@code result}. */
    static <R> Completion<R> of(R result) {
        return () -> result;
    }
}
