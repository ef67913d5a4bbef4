package dev.gatehouse.oauth2.authorize.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.LogoutRequest;
import dev.gatehouse.oauth2.authorize.LogoutRequestRepository;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** {@link LogoutRequestRepository} on JPA; every query is scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaLogoutRequestRepository implements LogoutRequestRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaLogoutRequestRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaLogoutRequestRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(LogoutRequest r) {
        LogoutRequestEntity e = new LogoutRequestEntity();
        e.id = r.id();
        e.tenantId = r.tenant().value();
        e.challengeHash = r.challengeHash();
        e.csrfHash = r.csrfHash();
        e.subject = r.subject().orElse(null);
        e.loginSessionId = r.loginSessionId().orElse(null);
        e.clientId = r.clientId().orElse(null);
        e.rpInitiated = r.rpInitiated();
        e.rpVerified = r.rpVerified();
        e.postLogoutRedirectUri = r.postLogoutRedirectUri().orElse(null);
        e.rpState = r.state().orElse(null);
        e.requestUrl = r.requestUrl();
        e.expiresAt = r.expiresAt();
        copy(r, e);
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<LogoutRequest> findByChallenge(TenantId tenant, String hash) {
        return find(tenant, "challengeHash", hash);
    }

    @Override
    public Optional<LogoutRequest> findByVerifier(TenantId tenant, String hash) {
        return find(tenant, "verifierHash", hash);
    }

    @Override
    public void update(LogoutRequest r) {
        copy(r, em.createQuery("select l from LogoutRequestEntity l where l.tenantId = :t and l.id = :id", LogoutRequestEntity.class)
                .setParameter("t", r.tenant().value()).setParameter("id", r.id()).getSingleResult());
        em.flush();
    }

    private Optional<LogoutRequest> find(TenantId tenant, String column, String hash) {
        return em.createQuery("select l from LogoutRequestEntity l where l.tenantId = :t and l." + column + " = :h",
                        LogoutRequestEntity.class)
                .setParameter("t", tenant.value()).setParameter("h", hash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().map(JpaLogoutRequestRepository::toRequest);
    }

    private static void copy(LogoutRequest r, LogoutRequestEntity e) {
        e.status = r.status().name();
        e.verifierHash = r.verifierHash().orElse(null);
        e.updatedAt = Instant.now();
    }

    private static LogoutRequest toRequest(LogoutRequestEntity e) {
        return new LogoutRequest(e.id, new TenantId(e.tenantId), e.challengeHash, Optional.ofNullable(e.verifierHash),
                e.csrfHash, LogoutRequest.Status.valueOf(e.status), Optional.ofNullable(e.subject),
                Optional.ofNullable(e.loginSessionId), Optional.ofNullable(e.clientId), e.rpInitiated, e.rpVerified,
                Optional.ofNullable(e.postLogoutRedirectUri), Optional.ofNullable(e.rpState), e.requestUrl,
                e.expiresAt);
    }

    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return BatchDelete.expired(em, "LogoutRequestEntity", batch.cutoff()).run(batch.size());
    }
}
