package dev.gatehouse.platform.db;

import jakarta.transaction.UserTransaction;

/**
 * One step of a timer job in a transaction of its own, for jobs that manage their transactions themselves
 * (bean-managed singletons): begin, run, commit; any failure rolls back and is thrown again.
 */
public final class TimerTransactions {

    private TimerTransactions() {
    }

    /** The work of one step; it may throw what its statements throw. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    public static <T> T call(UserTransaction tx, Work<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.run();
            tx.commit();
            return result;
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
    }
}
