package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.LoginSession;
import dev.gatehouse.oauth2.authorize.jpa.JpaLoginSessionRepository;
import dev.gatehouse.oauth2.consent.ConsentSession;
import dev.gatehouse.oauth2.consent.ConsentSessionRepository;
import dev.gatehouse.oauth2.consent.jpa.JpaConsentSessionRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ConsentSessionRepository} must do, on each database the product supports. */
abstract class ConsentSessionRepositoryContract extends RepositoryContract<ConsentSessionRepository> {

    @Override
    protected ConsentSessionRepository repository(EntityManager em) {
        return new JpaConsentSessionRepository(em);
    }

    private ConsentSession stored(TenantId tenant, String client, Optional<String> loginSession, Instant handledAt,
                                  Optional<Instant> expiresAt) {
        ConsentSession c = new ConsentSession(UUID.randomUUID(), tenant, "alice", client, loginSession,
                List.of("openid", "offline"), List.of(), List.of("openid"), List.of("https://api"), expiresAt.isPresent(),
                Duration.ofHours(1), "{\"a\":1}", "{}", "http://localhost/oauth2/auth?client_id=" + client, handledAt,
                expiresAt, true);
        run(r -> r.insert(c));
        return c;
    }

    private String loginSession() {
        LoginSession s = new LoginSession(UUID.randomUUID(), TenantId.DEFAULT, "alice", true, Optional.empty(), true,
                NOW, Optional.of(NOW.plusSeconds(3600)));
        db.inTransaction(em -> {
            new JpaLoginSessionRepository(em).insert(s, "cookie-" + s.id());
            return null;
        });
        return s.id().toString();
    }

    @Test
    void activeThenTheSubjectsConsentsNewestFirstAsGiven() {
        ConsentSession older = stored(TenantId.DEFAULT, "c1", Optional.empty(), NOW.minusSeconds(60), Optional.empty());
        ConsentSession newer = stored(TenantId.DEFAULT, "c2", Optional.empty(), NOW, Optional.of(NOW.plusSeconds(3600)));

        assertEquals(List.of(newer, older), inTx(r -> r.active(TenantId.DEFAULT, "alice", Optional.empty())));
        assertEquals(List.of(older), inTx(r -> r.active(TenantId.DEFAULT, "alice", Optional.of("c1"))));
        assertTrue(inTx(r -> r.active(OTHER, "alice", Optional.empty())).isEmpty());
    }

    @Test
    void revokeThenNoLongerActiveForThatClientOnly() {
        stored(TenantId.DEFAULT, "c1", Optional.empty(), NOW, Optional.empty());
        stored(TenantId.DEFAULT, "c2", Optional.empty(), NOW, Optional.empty());

        assertEquals(1, count(r -> r.revoke(TenantId.DEFAULT, "alice", Optional.of("c1"))));
        assertEquals(0, count(r -> r.revoke(OTHER, "alice", Optional.empty())));
        assertEquals(List.of("c2"), inTx(r -> r.active(TenantId.DEFAULT, "alice", Optional.empty())).stream()
                .map(ConsentSession::clientId).toList());
    }

    @Test
    void clientsOfLoginSessionThenEveryClientConsentedUnderIt() {
        String login = UUID.randomUUID().toString();
        stored(TenantId.DEFAULT, "c1", Optional.of(login), NOW, Optional.empty());
        stored(TenantId.DEFAULT, "c2", Optional.of(login), NOW, Optional.empty());
        stored(TenantId.DEFAULT, "c1", Optional.of(login), NOW, Optional.empty());
        stored(TenantId.DEFAULT, "c3", Optional.of(UUID.randomUUID().toString()), NOW, Optional.empty());

        assertEquals(Set.of("c1", "c2"), inTx(r -> r.clientsOfLoginSession(TenantId.DEFAULT, login)));
        assertTrue(inTx(r -> r.clientsOfLoginSession(OTHER, login)).isEmpty());
    }

    @Test
    void deleteExpiredWhenPastCutoffAndLoginSessionGoneThenGoneButKeptWhileItsLoginSessionLives() {
        stored(TenantId.DEFAULT, "c1", Optional.empty(), NOW.minusSeconds(7200),
                Optional.of(NOW.minusSeconds(3600)));
        stored(TenantId.DEFAULT, "c2", Optional.of(UUID.randomUUID().toString()),
                NOW.minusSeconds(7200), Optional.of(NOW.minusSeconds(3600)));
        String live = loginSession();
        stored(TenantId.DEFAULT, "c3", Optional.of(live), NOW.minusSeconds(7200), Optional.of(NOW.minusSeconds(3600)));
        stored(TenantId.DEFAULT, "c4", Optional.empty(), NOW, Optional.of(NOW.plusSeconds(3600)));
        stored(TenantId.DEFAULT, "c5", Optional.empty(), NOW, Optional.empty());

        assertEquals(2, count(r -> r.deleteExpired(batch(10))));

        assertEquals(Set.of("c3", "c4", "c5"), Set.copyOf(inTx(r -> r.active(TenantId.DEFAULT, "alice", Optional.empty()))
                .stream().map(ConsentSession::clientId).toList()));
        assertEquals(Set.of("c3"), inTx(r -> r.clientsOfLoginSession(TenantId.DEFAULT, live)));
    }
}
