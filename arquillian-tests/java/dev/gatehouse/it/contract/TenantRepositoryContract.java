package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.DuplicateTenantException;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantRepository;
import dev.gatehouse.tenant.jpa.JpaTenantRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link TenantRepository} must do, run against each database the product supports.
 * Subclasses say which database.
 */
abstract class TenantRepositoryContract {

    private ContractDatabase db;

    protected abstract ContractDatabase database();

    @BeforeEach
    void open() {
        db = database();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private <T> T inTx(Function<TenantRepository, T> work) {
        return db.inTransaction(em -> work.apply(new JpaTenantRepository(em)));
    }

    private void inTxDo(Consumer<TenantRepository> work) {
        inTx(r -> {
            work.accept(r);
            return null;
        });
    }

    private static Tenant tenant(String id, String... hosts) {
        return new Tenant(new TenantId(id), "Tenant " + id, List.of(hosts), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void findWhenMigratedThenDefaultTenantExists() {
        Tenant t = inTx(r -> r.find(TenantId.DEFAULT)).orElseThrow();

        assertEquals("Default", t.displayName());
        assertTrue(t.hosts().isEmpty());
    }

    @Test
    void createThenFindByIdAndByHostCaseInsensitively() {
        Tenant acme = tenant("acme", "login.acme.example", "sso.acme.example");
        inTxDo(r -> r.create(acme));

        Tenant byId = inTx(r -> r.find(new TenantId("acme"))).orElseThrow();
        Tenant byHost = inTx(r -> r.findByHost("SSO.Acme.Example")).orElseThrow();

        assertEquals(acme, byId);
        assertEquals(acme.id(), byHost.id());
        assertEquals(List.of("login.acme.example", "sso.acme.example"), byHost.hosts());
    }

    @Test
    void createWhenIdTakenThenDuplicateAndOriginalUnchanged() {
        inTxDo(r -> r.create(tenant("beta")));

        assertThrows(DuplicateTenantException.class, () -> inTxDo(r -> r.create(
                new Tenant(new TenantId("beta"), "Other", List.of(), Instant.now()))));
        assertEquals("Tenant beta", inTx(r -> r.find(new TenantId("beta"))).orElseThrow().displayName());
    }

    @Test
    void createWhenHostTakenThenDuplicateAndNothingWritten() {
        inTxDo(r -> r.create(tenant("one", "shared.example")));

        assertThrows(DuplicateTenantException.class, () -> inTxDo(r -> r.create(tenant("two", "own.example", "shared.example"))));
        assertTrue(inTx(r -> r.find(new TenantId("two"))).isEmpty());
        assertTrue(inTx(r -> r.findByHost("own.example")).isEmpty());
        assertEquals("one", inTx(r -> r.findByHost("shared.example")).orElseThrow().id().value());
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertTrue(inTx(r -> r.find(new TenantId("nobody"))).isEmpty());
        assertTrue(inTx(r -> r.findByHost("nowhere.example")).isEmpty());
    }

    @Test
    void listThenOrderedByIdAndPaged() {
        inTxDo(r -> {
            r.create(tenant("c-tenant"));
            r.create(tenant("a-tenant"));
            r.create(tenant("b-tenant"));
        });

        List<String> all = inTx(r -> r.list(0, 10)).stream().map(t -> t.id().value()).toList();
        List<String> page2 = inTx(r -> r.list(1, 2)).stream().map(t -> t.id().value()).toList();

        assertEquals(List.of("a-tenant", "b-tenant", "c-tenant", "default"), all);
        assertEquals(List.of("b-tenant", "c-tenant"), page2);
    }

    @Test
    void searchThenIdOrNameContainingTheTextOrExactlyAHostCaseInsensitively() {
        inTxDo(r -> {
            r.create(new Tenant(new TenantId("acme"), "Acme 100% Corp", List.of("sso.acme.example"), Instant.now()));
            r.create(new Tenant(new TenantId("beta"), "Beta_Labs", List.of("login.beta.example"), Instant.now()));
        });

        assertEquals(List.of("acme"), ids(inTx(r -> r.search("CORP", 0, 10))));
        assertEquals(List.of("beta"), ids(inTx(r -> r.search("Login.Beta.Example", 0, 10))));
        assertEquals(List.of("acme"), ids(inTx(r -> r.search("100%", 0, 10))), "a % is a character, not a wildcard");
        assertEquals(List.of("beta"), ids(inTx(r -> r.search("a_l", 0, 10))), "an _ is a character, not a wildcard");
        assertEquals(List.of(), ids(inTx(r -> r.search("beta.example", 0, 10))), "a host is found by its whole name");
        assertEquals(List.of("beta"), ids(inTx(r -> r.search("e", 1, 1))), "acme, beta and default hold an e: paged by id");
    }

    @Test
    void addAndRemoveHostThenFoundByItNoMore() {
        inTxDo(r -> r.create(tenant("hosted")));
        TenantId hosted = new TenantId("hosted");

        inTxDo(r -> r.addHost(hosted, "new.hosted.example"));
        assertEquals("hosted", inTx(r -> r.findByHost("new.hosted.example")).orElseThrow().id().value());
        assertEquals(List.of("new.hosted.example"), inTx(r -> r.lock(hosted)).orElseThrow().hosts());

        boolean removed = inTx(r -> r.removeHost(hosted, "new.hosted.example"));
        boolean removedAgain = inTx(r -> r.removeHost(hosted, "new.hosted.example"));
        assertTrue(removed);
        assertTrue(inTx(r -> r.findByHost("new.hosted.example")).isEmpty());
        assertFalse(removedAgain, "the tenant had it no more");
    }

    @Test
    void addHostWhenAnotherTenantHasItThenDuplicateAndItKeepsIt() {
        inTxDo(r -> {
            r.create(tenant("owner", "owned.example"));
            r.create(tenant("other"));
        });

        assertThrows(DuplicateTenantException.class, () -> inTxDo(r -> r.addHost(new TenantId("other"), "owned.example")));
        assertEquals("owner", inTx(r -> r.findByHost("owned.example")).orElseThrow().id().value());
        assertTrue(inTx(r -> r.find(new TenantId("other"))).orElseThrow().hosts().isEmpty());
    }

    private static List<String> ids(List<Tenant> tenants) {
        return tenants.stream().map(t -> t.id().value()).toList();
    }
}
