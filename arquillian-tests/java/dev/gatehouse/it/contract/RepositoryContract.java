package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the contract suites share: a fresh database per test with a second tenant ({@link #OTHER}) for the isolation
 * cases, and the repository under test in one transaction per call, as a use case would call it.
 *
 * @param <R> the repository interface
 */
abstract class RepositoryContract<R> {

    static final TenantId OTHER = new TenantId("other");
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ContractDatabase db;

    /** The database the subclass runs on. */
    protected abstract ContractDatabase database();

    /** The product's adapter for this repository, on the given entity manager. */
    protected abstract R repository(EntityManager em);

    @BeforeEach
    void open() {
        db = database().withTenant(OTHER);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    <T> T inTx(Function<R, T> work) {
        return db.inTransaction(em -> work.apply(repository(em)));
    }

    void run(Consumer<R> work) {
        inTx(r -> {
            work.accept(r);
            return null;
        });
    }

    boolean holds(Function<R, Boolean> work) {
        return inTx(work);
    }

    int count(Function<R, Integer> work) {
        return inTx(work);
    }

    /** A clean-up batch whose rows may go when they expired a minute before {@link #NOW}. */
    static ExpiredRows.Batch batch(int size) {
        return new ExpiredRows.Batch(NOW, NOW.minusSeconds(60), size);
    }

    /** Plain SQL for setup the repository has no method for (a row of another capability, a time in the past). */
    void sql(String statement, Object... parameters) {
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i] instanceof Instant t ? java.sql.Timestamp.from(t) : parameters[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
