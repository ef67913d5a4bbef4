package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.settings.TenantSettingsRepository;
import dev.gatehouse.tenant.settings.jpa.JpaTenantSettingsRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link TenantSettingsRepository} must do, run against each database the product supports.
 * Subclasses say which database.
 */
abstract class TenantSettingsRepositoryContract {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private ContractDatabase db;

    protected abstract ContractDatabase database();

    @BeforeEach
    void open() {
        db = database().withTenant(ACME).withTenant(GLOBEX);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private <T> T inTx(Function<TenantSettingsRepository, T> work) {
        return db.inTransaction(em -> work.apply(new JpaTenantSettingsRepository(em)));
    }

    private void inTxDo(Consumer<TenantSettingsRepository> work) {
        inTx(r -> {
            work.accept(r);
            return null;
        });
    }

    @Test
    void findWhenNothingSetThenEmpty() {
        assertEquals(Map.of(), inTx(r -> r.find(ACME)));
    }

    @Test
    void replaceThenFindSortedByKey() {
        inTxDo(r -> r.replace(ACME, Map.of("password.min-length", "12", "password.breached-check", "false"), Instant.now()));

        assertEquals(List.of("password.breached-check", "password.min-length"), List.copyOf(inTx(r -> r.find(ACME)).keySet()));
        assertEquals("12", inTx(r -> r.find(ACME)).get("password.min-length"));
    }

    @Test
    void replaceWhenSetAgainThenChangedKeptAddedAndLeftOutRemoved() {
        inTxDo(r -> r.replace(ACME, Map.of("a.one", "1", "a.two", "2", "a.three", "3"), Instant.now()));

        inTxDo(r -> r.replace(ACME, Map.of("a.one", "1", "a.two", "22", "a.four", "4"), Instant.now()));

        assertEquals(Map.of("a.one", "1", "a.two", "22", "a.four", "4"), inTx(r -> r.find(ACME)));
    }

    @Test
    void replaceWhenEmptyThenAllRemoved() {
        inTxDo(r -> r.replace(ACME, Map.of("a.one", "1"), Instant.now()));

        inTxDo(r -> r.replace(ACME, Map.of(), Instant.now()));

        assertEquals(Map.of(), inTx(r -> r.find(ACME)));
    }

    @Test
    void settingsWhenTwoTenantsThenEachReadsAndReplacesOnlyItsOwn() {
        inTxDo(r -> r.replace(ACME, Map.of("password.min-length", "12"), Instant.now()));
        inTxDo(r -> r.replace(GLOBEX, Map.of("password.min-length", "20"), Instant.now()));

        inTxDo(r -> r.replace(GLOBEX, Map.of(), Instant.now()));

        assertEquals(Map.of("password.min-length", "12"), inTx(r -> r.find(ACME)));
        assertEquals(Map.of(), inTx(r -> r.find(GLOBEX)));
    }

    @Test
    void existsAndLockWhenTenantKnownThenTrueElseFalse() {
        boolean known = inTx(r -> r.exists(ACME));
        boolean knownLocked = inTx(r -> r.lock(ACME));
        boolean unknown = inTx(r -> r.exists(new TenantId("nobody")));
        boolean unknownLocked = inTx(r -> r.lock(new TenantId("nobody")));

        assertTrue(known && knownLocked);
        assertFalse(unknown || unknownLocked);
    }
}
