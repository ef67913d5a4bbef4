package dev.gatehouse.platform.throttle.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.throttle.FailureCountRepository;
import dev.gatehouse.platform.throttle.FailureCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link FailureCountRepository} on JPA; every query is scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaFailureCountRepository implements FailureCountRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaFailureCountRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaFailureCountRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<FailureCounts.Standing> find(TenantId tenant, String kind, String key) {
        return Optional.ofNullable(em.find(FailureCountEntity.class, new FailureCountEntity.Key(tenant.value(), kind, key)))
                .map(JpaFailureCountRepository::standing);
    }

    /**
     * The row is created first if missing, with an insert that does nothing when it exists (JPQL has no such
     * insert): concurrent first failures on several nodes then all wait for the same row lock and are all counted,
     * where a plain insert would fail all but one on the primary key.
     */
    @Override
    public Counted lock(TenantId tenant, String kind, String key, Instant now) {
        em.createNativeQuery("INSERT INTO login_throttle (tenant_id, subject_kind, subject, failures, first_failure, "
                        + "locked_until, lockouts, updated_at) VALUES (?, ?, ?, 0, ?, NULL, 0, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, tenant.value()).setParameter(2, kind).setParameter(3, key)
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(now)).executeUpdate();
        FailureCountEntity e = locked(tenant, kind, key);
        return new Counted(e.failures, e.firstFailure, Optional.ofNullable(e.lockedUntil), e.lockouts);
    }

    @Override
    public void update(TenantId tenant, String kind, String key, Counted row, Instant now) {
        // the row lock() read and locked, still managed in this transaction
        FailureCountEntity e = em.find(FailureCountEntity.class, new FailureCountEntity.Key(tenant.value(), kind, key));
        e.failures = row.failures();
        e.firstFailure = row.firstFailure();
        e.lockedUntil = row.lockedUntil().orElse(null);
        e.lockouts = row.lockouts();
        e.updatedAt = now;
        em.flush();
    }

    @Override
    public void delete(TenantId tenant, String kind, String key) {
        em.createQuery("delete from FailureCountEntity r where r.tenantId = :t and r.kind = :k and r.subject = :s")
                .setParameter("t", tenant.value()).setParameter("k", kind).setParameter("s", key).executeUpdate();
    }

    @Override
    public int deleteAll(TenantId tenant, String key) {
        return em.createQuery("delete from FailureCountEntity r where r.tenantId = :t and r.subject = :s")
                .setParameter("t", tenant.value()).setParameter("s", key).executeUpdate();
    }

    @Override
    public List<FailureCounts.Row> list(TenantId tenant, Optional<String> key, int limit) {
        TypedQuery<FailureCountEntity> q = em.createQuery("select r from FailureCountEntity r where r.tenantId = :t"
                + (key.isPresent() ? " and r.subject = :s" : "") + " order by r.updatedAt desc", FailureCountEntity.class)
                .setParameter("t", tenant.value());
        key.ifPresent(s -> q.setParameter("s", s));
        return q.setMaxResults(limit).getResultList().stream()
                .map(e -> new FailureCounts.Row(e.kind, e.subject, standing(e))).toList();
    }

    private FailureCountEntity locked(TenantId tenant, String kind, String key) {
        FailureCountEntity e = em.find(FailureCountEntity.class, new FailureCountEntity.Key(tenant.value(), kind, key),
                LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new IllegalStateException("failure count row vanished while locking it");
        }
        return e;
    }

    private static FailureCounts.Standing standing(FailureCountEntity e) {
        return new FailureCounts.Standing(e.failures, Optional.ofNullable(e.lockedUntil), e.lockouts);
    }
}
