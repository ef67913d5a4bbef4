package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.token.StoredGrant;
import dev.gatehouse.oauth2.token.StoredToken;
import dev.gatehouse.oauth2.token.TokenKind;
import dev.gatehouse.oauth2.token.TokenStore;
import dev.gatehouse.oauth2.token.jpa.JpaTokenStore;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link TokenStore} must do, on each database the product supports. */
abstract class TokenStoreContract extends RepositoryContract<TokenStore> {

    @Override
    protected TokenStore repository(EntityManager em) {
        return new JpaTokenStore(em);
    }

    private StoredGrant grant(TenantId tenant, String codeHash) {
        StoredGrant g = StoredGrant.ofClient(UUID.randomUUID(), "client-1", Set.of("read"), Set.of("https://api"), NOW);
        inTx(s -> {
            s.insertGrant(tenant, g, Optional.ofNullable(codeHash), NOW.plusSeconds(600));
            return null;
        });
        return g;
    }

    private StoredToken token(TenantId tenant, StoredGrant g, TokenKind kind, String hash, Instant expires) {
        StoredToken t = new StoredToken(UUID.randomUUID(), g.id(), kind, Optional.empty(), g.clientId(), g.subject(),
                g.scopes(), g.audience(), NOW, expires, Optional.empty(), Optional.empty());
        inTx(s -> {
            s.insertToken(tenant, t, hash);
            return null;
        });
        return t;
    }

    @Test
    void markCodeUsedWhenCalledTwiceThenOnlyFirstSucceeds() {
        StoredGrant g = grant(TenantId.DEFAULT, "code-hash-1");

        assertTrue(holds(s -> s.markCodeUsed(TenantId.DEFAULT, g.id(), NOW)));
        assertFalse(holds(s -> s.markCodeUsed(TenantId.DEFAULT, g.id(), NOW)));
        assertEquals(Optional.of(NOW), inTx(s -> s.findGrantByCode(TenantId.DEFAULT, "code-hash-1")).orElseThrow().codeUsedAt());
    }

    @Test
    void markRotatedWhenCalledTwiceThenOnlyFirstSucceeds() {
        StoredGrant g = grant(TenantId.DEFAULT, null);
        StoredToken t = token(TenantId.DEFAULT, g, TokenKind.REFRESH, "rt-1", NOW.plusSeconds(60));

        assertTrue(holds(s -> s.markRotated(TenantId.DEFAULT, t.id(), NOW)));
        assertFalse(holds(s -> s.markRotated(TenantId.DEFAULT, t.id(), NOW)));
    }

    @Test
    void revokeGrantWhenTokensThenAllRevokedAndCounted() {
        StoredGrant g = grant(TenantId.DEFAULT, null);
        token(TenantId.DEFAULT, g, TokenKind.ACCESS, "at-1", NOW.plusSeconds(60));
        token(TenantId.DEFAULT, g, TokenKind.REFRESH, "rt-1", NOW.plusSeconds(60));

        assertEquals(2, count(s -> s.revokeGrant(TenantId.DEFAULT, g.id(), NOW)));

        assertTrue(inTx(s -> s.findToken(TenantId.DEFAULT, "at-1")).orElseThrow().revokedAt().isPresent());
        assertTrue(inTx(s -> s.findGrant(TenantId.DEFAULT, g.id())).orElseThrow().isRevoked());
        assertEquals(0, count(s -> s.revokeGrant(TenantId.DEFAULT, g.id(), NOW)));
    }

    @Test
    void findWhenOtherTenantThenNothingAndItsRevocationTouchesNothing() {
        StoredGrant g = grant(TenantId.DEFAULT, "code-hash-2");
        token(TenantId.DEFAULT, g, TokenKind.ACCESS, "at-2", NOW.plusSeconds(60));

        assertTrue(inTx(s -> s.findToken(OTHER, "at-2")).isEmpty());
        assertTrue(inTx(s -> s.findGrantByCode(OTHER, "code-hash-2")).isEmpty());
        assertFalse(holds(s -> s.markCodeUsed(OTHER, g.id(), NOW)));
        assertEquals(0, count(s -> s.revokeGrant(OTHER, g.id(), NOW)));
        assertEquals(0, count(s -> s.revokeForSubject(OTHER, g.subject(), Optional.empty(), NOW)));
        assertTrue(inTx(s -> s.findToken(TenantId.DEFAULT, "at-2")).orElseThrow().revokedAt().isEmpty());
    }

    @Test
    void revokeForSubjectWhenClientGivenThenOnlyThatClientsGrants() {
        StoredGrant g = grant(TenantId.DEFAULT, null);
        token(TenantId.DEFAULT, g, TokenKind.ACCESS, "at-3", NOW.plusSeconds(60));

        assertEquals(0, count(s -> s.revokeForSubject(TenantId.DEFAULT, g.subject(), Optional.of("client-2"), NOW)));
        assertEquals(1, count(s -> s.revokeForSubject(TenantId.DEFAULT, g.subject(), Optional.of("client-1"), NOW)));
    }

    @Test
    void deleteExpiredWhenPastCutoffThenTokensAndEmptyGrantsGoOthersStay() {
        StoredGrant old = grant(TenantId.DEFAULT, null);
        token(TenantId.DEFAULT, old, TokenKind.ACCESS, "at-old", NOW.minusSeconds(3600));
        StoredGrant live = grant(TenantId.DEFAULT, null);
        token(TenantId.DEFAULT, live, TokenKind.ACCESS, "at-live", NOW.plusSeconds(3600));
        db.inTransaction(em -> em.createNativeQuery("UPDATE oauth2_grant SET expires_at = ?1 WHERE id = ?2")
                .setParameter(1, java.sql.Timestamp.from(NOW.minusSeconds(3600))).setParameter(2, old.id()).executeUpdate());

        assertEquals(2, count(s -> s.deleteExpired(batch(100))));

        assertTrue(inTx(s -> s.findToken(TenantId.DEFAULT, "at-old")).isEmpty());
        assertTrue(inTx(s -> s.findGrant(TenantId.DEFAULT, old.id())).isEmpty());
        assertTrue(inTx(s -> s.findToken(TenantId.DEFAULT, "at-live")).isPresent());
        assertTrue(inTx(s -> s.findGrant(TenantId.DEFAULT, live.id())).isPresent());
    }

    @Test
    void deleteExpiredWhenBatchOfOneThenTokenFirstThenItsGrantThenNothing() {
        StoredGrant old = grant(TenantId.DEFAULT, null);
        token(TenantId.DEFAULT, old, TokenKind.ACCESS, "at-old-1", NOW.minusSeconds(3600));
        db.inTransaction(em -> em.createNativeQuery("UPDATE oauth2_grant SET expires_at = ?1 WHERE id = ?2")
                .setParameter(1, java.sql.Timestamp.from(NOW.minusSeconds(3600))).setParameter(2, old.id()).executeUpdate());

        assertEquals(1, count(s -> s.deleteExpired(batch(1))));
        assertTrue(inTx(s -> s.findToken(TenantId.DEFAULT, "at-old-1")).isEmpty());
        assertTrue(inTx(s -> s.findGrant(TenantId.DEFAULT, old.id())).isPresent(), "a grant goes after its tokens");
        assertEquals(1, count(s -> s.deleteExpired(batch(1))));
        assertTrue(inTx(s -> s.findGrant(TenantId.DEFAULT, old.id())).isEmpty());
        assertEquals(0, count(s -> s.deleteExpired(batch(1))));
    }

}
