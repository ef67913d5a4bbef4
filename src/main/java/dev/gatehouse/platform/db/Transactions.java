package dev.gatehouse.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/**
 * A transaction around one step of a use case, for use cases with slow work (a password hash, a signature, a
 * remote call) that must not sit inside a transaction: read in one short transaction, do the slow work holding
 * no database connection, write in another. Called inside a transaction already, the step joins it; it never
 * starts a second one beside it, which would need a second connection while the first is held.
 * <p>
 * A {@link RuntimeException} thrown by the step rolls it back; an answer returned (an error response included)
 * commits it.
 */
@ApplicationScoped
public class Transactions {

    @Transactional
    public <T> T call(Supplier<T> step) {
        return step.get();
    }

    @Transactional
    public void run(Runnable step) {
        step.run();
    }
}
