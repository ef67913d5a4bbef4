package dev.gatehouse.it.contract;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.session.AuthenticationMethod;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionFilter;
import dev.gatehouse.session.SessionRepository;
import dev.gatehouse.session.jpa.JpaSessionRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link SessionRepository} must do, on each database the product supports. */
abstract class SessionRepositoryContract extends RepositoryContract<SessionRepository> {

    @Override
    protected SessionRepository repository(EntityManager em) {
        return new JpaSessionRepository(em);
    }

    private IdentityId identity(TenantId tenant) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO identity (id, tenant_id, schema_id, state, state_changed_at, traits, created_at, updated_at, version)"
                + " VALUES (?, ?, 'default', 'active', ?, '{}', ?, ?, 0)", id, tenant.value(), NOW, NOW, NOW);
        return new IdentityId(id);
    }

    private Session stored(TenantId tenant, IdentityId identity, Instant authenticatedAt, Instant expiresAt) {
        Session s = new Session(UUID.randomUUID(), tenant, identity, true, "aal1",
                List.of(new AuthenticationMethod("password", "aal1", authenticatedAt)), authenticatedAt, authenticatedAt,
                expiresAt, "192.0.2.1", "contract-test");
        run(r -> r.insert(s, "hash-" + s.id()));
        return s;
    }

    @Test
    void insertThenFoundByIdAndByTokenHashAsGiven() {
        Session s = stored(TenantId.DEFAULT, identity(TenantId.DEFAULT), NOW, NOW.plusSeconds(3600));

        assertEquals(s, inTx(r -> r.find(TenantId.DEFAULT, s.id())).orElseThrow());
        assertEquals(s, inTx(r -> r.findByTokenHash(TenantId.DEFAULT, "hash-" + s.id())).orElseThrow());
        assertTrue(inTx(r -> r.findByTokenHash(OTHER, "hash-" + s.id())).isEmpty());
    }

    @Test
    void listByIdentityThenLastSignedInFirstWithoutTheExceptedOne() {
        IdentityId who = identity(TenantId.DEFAULT);
        Session older = stored(TenantId.DEFAULT, who, NOW.minusSeconds(60), NOW.plusSeconds(3600));
        Session newer = stored(TenantId.DEFAULT, who, NOW, NOW.plusSeconds(3600));
        Session current = stored(TenantId.DEFAULT, who, NOW.minusSeconds(30), NOW.plusSeconds(3600));

        assertEquals(List.of(newer.id(), older.id()), inTx(r -> r.listByIdentity(TenantId.DEFAULT, who, SessionFilter.ALL,
                current.id(), 0, 10)).stream().map(Session::id).toList());
    }

    @Test
    void revokeThenInactiveOnceAndListedAsInactive() {
        Session s = stored(TenantId.DEFAULT, identity(TenantId.DEFAULT), NOW, NOW.plusSeconds(3600));

        assertFalse(holds(r -> r.revoke(OTHER, s.id())));
        assertTrue(holds(r -> r.revoke(TenantId.DEFAULT, s.id())));
        assertFalse(holds(r -> r.revoke(TenantId.DEFAULT, s.id())));

        assertEquals(List.of(s.id()), inTx(r -> r.list(TenantId.DEFAULT, SessionFilter.INACTIVE, 0, 10)).stream().map(Session::id).toList());
        assertTrue(inTx(r -> r.list(TenantId.DEFAULT, SessionFilter.ACTIVE, 0, 10)).isEmpty());
    }

    @Test
    void revokeAllThenEveryActiveSessionButTheKeptOne() {
        IdentityId who = identity(TenantId.DEFAULT);
        Session keep = stored(TenantId.DEFAULT, who, NOW, NOW.plusSeconds(3600));
        stored(TenantId.DEFAULT, who, NOW, NOW.plusSeconds(3600));
        stored(TenantId.DEFAULT, who, NOW, NOW.plusSeconds(3600));

        assertEquals(2, count(r -> r.revokeAll(TenantId.DEFAULT, who, keep.id())));
        assertEquals(0, count(r -> r.revokeAll(TenantId.DEFAULT, who, keep.id())));
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, keep.id())).orElseThrow().active());
    }

    @Test
    void extendThenTheNewExpiry() {
        Session s = stored(TenantId.DEFAULT, identity(TenantId.DEFAULT), NOW, NOW.plusSeconds(3600));

        run(r -> r.extend(TenantId.DEFAULT, s.id(), NOW.plusSeconds(7200)));

        assertEquals(NOW.plusSeconds(7200), inTx(r -> r.find(TenantId.DEFAULT, s.id())).orElseThrow().expiresAt());
    }

    @Test
    void updateAssuranceThenLevelAndMethodsStoredAndTheRestKept() {
        Session s = stored(TenantId.DEFAULT, identity(TenantId.DEFAULT), NOW, NOW.plusSeconds(3600));
        Session raised = s.completedWith(new AuthenticationMethod("totp", "aal2", NOW.plusSeconds(5)));

        run(r -> r.updateAssurance(raised));

        Session found = inTx(r -> r.find(TenantId.DEFAULT, s.id())).orElseThrow();
        assertEquals("aal2", found.aal());
        assertEquals(raised.methods(), found.methods());
        assertEquals(s.expiresAt(), found.expiresAt());
        assertEquals(raised, inTx(r -> r.findByTokenHash(TenantId.DEFAULT, "hash-" + s.id())).orElseThrow());
    }

    @Test
    void deleteExpiredWhenPastCutoffThenGoneInEveryTenantAndLiveOnesStay() {
        IdentityId who = identity(TenantId.DEFAULT);
        Session old = stored(TenantId.DEFAULT, who, NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        Session live = stored(TenantId.DEFAULT, who, NOW, NOW.plusSeconds(3600));
        IdentityId other = identity(OTHER);
        Session otherTenant = stored(OTHER, other, NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        Session liveOfOtherTenant = stored(OTHER, other, NOW, NOW.plusSeconds(3600));

        assertEquals(2, count(r -> r.deleteExpired(batch(10))));

        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, old.id())).isEmpty());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, live.id())).isPresent());
        assertTrue(inTx(r -> r.find(OTHER, otherTenant.id())).isEmpty());
        assertTrue(inTx(r -> r.find(OTHER, liveOfOtherTenant.id())).isPresent());
    }
}
