package dev.gatehouse.oauth2.authorize.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.LoginSession;
import dev.gatehouse.oauth2.authorize.LoginSessionRepository;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link LoginSessionRepository} on JPA; every query is scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaLoginSessionRepository implements LoginSessionRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaLoginSessionRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaLoginSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(LoginSession s, String cookieHash) {
        LoginSessionEntity e = new LoginSessionEntity();
        e.id = s.id();
        e.tenantId = s.tenant().value();
        e.subject = s.subject();
        e.cookieHash = cookieHash;
        e.remember = s.remember();
        e.identitySessionId = s.identitySessionId().orElse(null);
        e.active = s.active();
        e.authenticatedAt = s.authenticatedAt();
        e.expiresAt = s.expiresAt().orElse(null);
        e.updatedAt = Instant.now();
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<LoginSession> findByCookieHash(TenantId tenant, String cookieHash) {
        return em.createQuery("select s from LoginSessionEntity s where s.tenantId = :t and s.cookieHash = :h",
                        LoginSessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("h", cookieHash)
                .getResultStream().findFirst().map(JpaLoginSessionRepository::toSession);
    }

    @Override
    public Optional<LoginSession> find(TenantId tenant, UUID id) {
        return entity(tenant, id).map(JpaLoginSessionRepository::toSession);
    }

    @Override
    public boolean revoke(TenantId tenant, UUID id) {
        Optional<LoginSessionEntity> e = entity(tenant, id).filter(x -> x.active);
        e.ifPresent(JpaLoginSessionRepository::end);
        em.flush();
        return e.isPresent();
    }

    @Override
    public List<LoginSession> revokeBySubject(TenantId tenant, String subject) {
        List<LoginSessionEntity> found = em.createQuery("select s from LoginSessionEntity s where s.tenantId = :t"
                        + " and s.subject = :s and s.active = true", LoginSessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("s", subject).getResultList();
        List<LoginSession> before = found.stream().map(JpaLoginSessionRepository::toSession).toList();
        found.forEach(JpaLoginSessionRepository::end);
        em.flush();
        return before;
    }

    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return BatchDelete.expired(em, "LoginSessionEntity", batch.cutoff()).run(batch.size());
    }

    private static void end(LoginSessionEntity e) {
        e.active = false;
        e.updatedAt = Instant.now();
    }

    private Optional<LoginSessionEntity> entity(TenantId tenant, UUID id) {
        return em.createQuery("select s from LoginSessionEntity s where s.tenantId = :t and s.id = :id", LoginSessionEntity.class)
                .setParameter("t", tenant.value()).setParameter("id", id).getResultStream().findFirst();
    }

    private static LoginSession toSession(LoginSessionEntity e) {
        return new LoginSession(e.id, new TenantId(e.tenantId), e.subject, e.remember,
                Optional.ofNullable(e.identitySessionId), e.active, e.authenticatedAt,
                Optional.ofNullable(e.expiresAt));
    }
}
