package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.LoginSession;
import dev.gatehouse.oauth2.authorize.LoginSessionRepository;
import dev.gatehouse.oauth2.authorize.jpa.JpaLoginSessionRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link LoginSessionRepository} (the token server's login sessions) must do, on each database. */
abstract class LoginSessionRepositoryContract extends RepositoryContract<LoginSessionRepository> {

    @Override
    protected LoginSessionRepository repository(EntityManager em) {
        return new JpaLoginSessionRepository(em);
    }

    private LoginSession stored(TenantId tenant, String subject, Optional<Instant> expiresAt) {
        LoginSession s = new LoginSession(UUID.randomUUID(), tenant, subject, expiresAt.isPresent(),
                Optional.of(UUID.randomUUID().toString()), true, NOW.minusSeconds(60), expiresAt);
        run(r -> r.insert(s, "cookie-" + s.id()));
        return s;
    }

    @Test
    void insertThenFoundByIdAndCookieHashAsGivenOnlyInItsTenant() {
        LoginSession s = stored(TenantId.DEFAULT, "alice", Optional.of(NOW.plusSeconds(3600)));

        assertEquals(s, inTx(r -> r.find(TenantId.DEFAULT, s.id())).orElseThrow());
        assertEquals(s, inTx(r -> r.findByCookieHash(TenantId.DEFAULT, "cookie-" + s.id())).orElseThrow());
        assertTrue(inTx(r -> r.find(OTHER, s.id())).isEmpty());
        assertTrue(inTx(r -> r.findByCookieHash(OTHER, "cookie-" + s.id())).isEmpty());
    }

    @Test
    void revokeThenInactiveOnce() {
        LoginSession s = stored(TenantId.DEFAULT, "alice", Optional.empty());

        assertFalse(holds(r -> r.revoke(OTHER, s.id())));
        assertTrue(holds(r -> r.revoke(TenantId.DEFAULT, s.id())));
        assertFalse(holds(r -> r.revoke(TenantId.DEFAULT, s.id())));
        assertFalse(inTx(r -> r.find(TenantId.DEFAULT, s.id())).orElseThrow().active());
    }

    @Test
    void revokeBySubjectThenEveryActiveSessionOfTheSubjectAsItWas() {
        LoginSession a = stored(TenantId.DEFAULT, "alice", Optional.empty());
        LoginSession b = stored(TenantId.DEFAULT, "alice", Optional.of(NOW.plusSeconds(3600)));
        LoginSession bob = stored(TenantId.DEFAULT, "bob", Optional.empty());

        List<LoginSession> revoked = inTx(r -> r.revokeBySubject(TenantId.DEFAULT, "alice"));

        assertEquals(2, revoked.size());
        assertTrue(revoked.containsAll(List.of(a, b)), "returned as they were, active");
        assertTrue(inTx(r -> r.revokeBySubject(TenantId.DEFAULT, "alice")).isEmpty());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, bob.id())).orElseThrow().active());
    }

    @Test
    void deleteExpiredThenRememberedSessionsPastTheCutoffGoInEveryTenantAndOthersStay() {
        LoginSession old = stored(TenantId.DEFAULT, "alice", Optional.of(NOW.minusSeconds(3600)));
        LoginSession live = stored(TenantId.DEFAULT, "alice", Optional.of(NOW.plusSeconds(3600)));
        LoginSession neverRemembered = stored(TenantId.DEFAULT, "alice", Optional.empty());
        LoginSession otherTenant = stored(OTHER, "alice", Optional.of(NOW.minusSeconds(3600)));
        LoginSession liveOfOtherTenant = stored(OTHER, "alice", Optional.of(NOW.plusSeconds(3600)));

        assertEquals(2, count(r -> r.deleteExpired(batch(10))));

        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, old.id())).isEmpty());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, live.id())).isPresent());
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, neverRemembered.id())).isPresent());
        assertTrue(inTx(r -> r.find(OTHER, otherTenant.id())).isEmpty());
        assertTrue(inTx(r -> r.find(OTHER, liveOfOtherTenant.id())).isPresent());
    }
}
