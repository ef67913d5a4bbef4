package dev.gatehouse.oauth2.token.jpa;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.token.Scopes;
import dev.gatehouse.oauth2.token.StoredGrant;
import dev.gatehouse.oauth2.token.StoredToken;
import dev.gatehouse.oauth2.token.TokenKind;
import dev.gatehouse.oauth2.token.TokenStore;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link TokenStore} on JPA; every query is scoped by tenant, the single-use guards are conditional UPDATEs. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaTokenStore implements TokenStore {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaTokenStore() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaTokenStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insertGrant(TenantId tenant, StoredGrant g, Optional<String> codeHash, Instant expiresAt) {
        GrantEntity e = new GrantEntity();
        e.id = g.id();
        e.tenantId = tenant.value();
        e.clientId = g.clientId();
        e.subject = g.subject();
        e.grantType = g.grantType();
        e.grantedScope = Scopes.join(g.scopes());
        e.grantedAudience = Scopes.join(g.audience());
        e.redirectUri = g.redirectUri().orElse(null);
        e.codeChallenge = g.codeChallenge().orElse(null);
        e.nonce = g.nonce().orElse(null);
        e.authTime = g.authTime().orElse(null);
        e.acr = g.acr().orElse(null);
        JsonArrayBuilder amr = JsonP.createArrayBuilder();
        g.amr().forEach(amr::add);
        e.amr = amr.build().toString();
        e.sessionRef = g.sessionId().orElse(null);
        e.consentRequestId = g.consentRequestId().orElse(null);
        e.idTokenClaims = g.idTokenClaims();
        e.accessTokenClaims = g.accessTokenClaims();
        e.codeHash = codeHash.orElse(null);
        e.codeExpiresAt = g.codeExpiresAt().orElse(null);
        e.requestedAt = g.requestedAt();
        e.expiresAt = expiresAt;
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<StoredGrant> findGrant(TenantId tenant, UUID id) {
        return em.createQuery("select g from GrantEntity g where g.tenantId = :t and g.id = :id", GrantEntity.class)
                .setParameter("t", tenant.value()).setParameter("id", id)
                .getResultStream().findFirst().map(JpaTokenStore::toGrant);
    }

    @Override
    public Optional<StoredGrant> findGrantByCode(TenantId tenant, String codeHash) {
        return em.createQuery("select g from GrantEntity g where g.tenantId = :t and g.codeHash = :h", GrantEntity.class)
                .setParameter("t", tenant.value()).setParameter("h", codeHash)
                .getResultStream().findFirst().map(JpaTokenStore::toGrant);
    }

    @Override
    public boolean markCodeUsed(TenantId tenant, UUID grantId, Instant now) {
        return stamp("update GrantEntity g set g.codeUsedAt = :now where g.tenantId = :t and g.id = :id"
                + " and g.codeUsedAt is null", tenant, grantId, now) == 1;
    }

    @Override
    public void insertToken(TenantId tenant, StoredToken t, String tokenHash) {
        TokenEntity e = new TokenEntity();
        e.id = t.id();
        e.tenantId = tenant.value();
        e.grantId = t.grantId();
        e.kind = t.kind().name().toLowerCase(Locale.ROOT);
        e.tokenHash = tokenHash;
        e.jti = t.jti().orElse(null);
        e.clientId = t.clientId();
        e.subject = t.subject();
        e.grantedScope = Scopes.join(t.scopes());
        e.grantedAudience = Scopes.join(t.audience());
        e.issuedAt = t.issuedAt();
        e.expiresAt = t.expiresAt();
        em.persist(e);
        em.flush();
        em.createQuery("update GrantEntity g set g.expiresAt = :e where g.tenantId = :t and g.id = :id and g.expiresAt < :e")
                .setParameter("e", t.expiresAt()).setParameter("t", tenant.value()).setParameter("id", t.grantId())
                .executeUpdate();
    }

    @Override
    public Optional<StoredToken> findToken(TenantId tenant, String tokenHash) {
        return em.createQuery("select k from TokenEntity k where k.tenantId = :t and k.tokenHash = :h", TokenEntity.class)
                .setParameter("t", tenant.value()).setParameter("h", tokenHash)
                .getResultStream().findFirst().map(JpaTokenStore::toToken);
    }

    @Override
    public boolean markRotated(TenantId tenant, UUID tokenId, Instant now) {
        return stamp("update TokenEntity k set k.rotatedAt = :now where k.tenantId = :t and k.id = :id"
                + " and k.rotatedAt is null", tenant, tokenId, now) == 1;
    }

    @Override
    public int revokeGrant(TenantId tenant, UUID grantId, Instant now) {
        stamp("update GrantEntity g set g.revokedAt = :now where g.tenantId = :t and g.id = :id and g.revokedAt is null",
                tenant, grantId, now);
        return stamp("update TokenEntity k set k.revokedAt = :now where k.tenantId = :t and k.grantId = :id"
                + " and k.revokedAt is null", tenant, grantId, now);
    }

    @Override
    public boolean revokeToken(TenantId tenant, UUID tokenId, Instant now) {
        return stamp("update TokenEntity k set k.revokedAt = :now where k.tenantId = :t and k.id = :id"
                + " and k.revokedAt is null", tenant, tokenId, now) == 1;
    }

    @Override
    public int revokeForSubject(TenantId tenant, String subject, Optional<String> clientId, Instant now) {
        var q = em.createQuery("select g.id from GrantEntity g where g.tenantId = :t and g.subject = :s"
                        + (clientId.isPresent() ? " and g.clientId = :c" : ""), UUID.class)
                .setParameter("t", tenant.value()).setParameter("s", subject);
        clientId.ifPresent(c -> q.setParameter("c", c));
        int revoked = 0;
        for (UUID grant : q.getResultList()) {
            revoked += revokeGrant(tenant, grant, now);
        }
        return revoked;
    }

    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        int tokens = BatchDelete.expired(em, "TokenEntity", batch.cutoff()).run(batch.size());
        if (tokens == batch.size()) {
            return tokens;
        }
        // a grant goes once its tokens have gone
        return tokens + BatchDelete.expired(em, "GrantEntity", batch.cutoff())
                .and("not exists (select k.id from TokenEntity k where k.grantId = e.id)")
                .run(batch.size() - tokens);
    }

    /** Runs a conditional UPDATE that stamps {@code :now} on the rows of tenant {@code :t} and id {@code :id}. */
    private int stamp(String jpql, TenantId tenant, UUID id, Instant now) {
        return em.createQuery(jpql).setParameter("now", now).setParameter("t", tenant.value())
                .setParameter("id", id).executeUpdate();
    }

    private static StoredGrant toGrant(GrantEntity e) {
        List<String> amr = JsonText.read(e.amr).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        return new StoredGrant(e.id, e.clientId, e.subject, e.grantType, Scopes.parse(e.grantedScope),
                Scopes.parse(e.grantedAudience), Optional.ofNullable(e.redirectUri), Optional.ofNullable(e.codeChallenge),
                Optional.ofNullable(e.nonce), Optional.ofNullable(e.authTime), Optional.ofNullable(e.acr), amr,
                Optional.ofNullable(e.sessionRef), Optional.ofNullable(e.consentRequestId), e.idTokenClaims,
                e.accessTokenClaims, e.requestedAt, Optional.ofNullable(e.codeExpiresAt), Optional.ofNullable(e.codeUsedAt),
                Optional.ofNullable(e.revokedAt));
    }

    private static StoredToken toToken(TokenEntity e) {
        return new StoredToken(e.id, e.grantId, TokenKind.valueOf(e.kind.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(e.jti), e.clientId, e.subject, Scopes.parse(e.grantedScope),
                Scopes.parse(e.grantedAudience), e.issuedAt, e.expiresAt,
                Optional.ofNullable(e.rotatedAt), Optional.ofNullable(e.revokedAt));
    }
}
