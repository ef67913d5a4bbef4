package dev.gatehouse.selfservice.code.jpa;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.OneTimeCode;
import dev.gatehouse.selfservice.code.OneTimeCodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link OneTimeCodeRepository} on JPA, scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaOneTimeCodeRepository implements OneTimeCodeRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaOneTimeCodeRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaOneTimeCodeRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Native SQL: the code's flow id is text and the flow's id a UUID, which JPQL cannot compare, and JPQL has no
     * limit on a delete. Codes and flows never change their expiry, so one statement suffices.
     */
    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        Timestamp cutoff = Timestamp.from(batch.cutoff());
        return em.createNativeQuery("DELETE FROM one_time_code WHERE id IN (SELECT c.id FROM one_time_code c"
                        + " WHERE c.expires_at < ? AND NOT EXISTS (SELECT 1 FROM selfservice_flow f"
                        + " WHERE f.id = CAST(c.flow_id AS UUID) AND f.expires_at >= ?) FETCH FIRST ? ROWS ONLY)")
                .setParameter(1, cutoff).setParameter(2, cutoff).setParameter(3, batch.size()).executeUpdate();
    }

    @Override
    public void insert(OneTimeCode c) {
        OneTimeCodeEntity e = new OneTimeCodeEntity();
        e.id = c.id();
        e.tenantId = c.tenant().value();
        e.flowId = c.flowId().toString();
        e.purpose = c.purpose().name();
        e.address = c.address();
        e.codeHash = c.codeHash();
        e.identityId = c.identity() == null ? null : c.identity().toString();
        e.attempts = c.attempts();
        e.expiresAt = c.expiresAt();
        e.usedAt = c.usedAt() == null ? null : c.usedAt();
        e.createdAt = c.createdAt();
        e.linkHash = c.linkHash();
        e.traits = c.traits();
        em.persist(e);
    }

    @Override
    public List<OneTimeCode> ofFlow(TenantId tenant, UUID flowId) {
        return em.createQuery("select c from OneTimeCodeEntity c where c.tenantId = :t and c.flowId = :f "
                        + "order by c.createdAt desc", OneTimeCodeEntity.class)
                .setParameter("t", tenant.value()).setParameter("f", flowId.toString())
                .getResultStream().map(JpaOneTimeCodeRepository::toCode).toList();
    }

    @Override
    public void retireAll(TenantId tenant, UUID flowId, Instant at) {
        em.createQuery("update OneTimeCodeEntity c set c.usedAt = :at where c.tenantId = :t and c.flowId = :f and c.usedAt is null")
                .setParameter("at", at).setParameter("t", tenant.value())
                .setParameter("f", flowId.toString()).executeUpdate();
    }

    @Override
    public void countAttempt(TenantId tenant, UUID codeId) {
        em.createQuery("update OneTimeCodeEntity c set c.attempts = c.attempts + 1 where c.tenantId = :t and c.id = :id")
                .setParameter("t", tenant.value()).setParameter("id", codeId).executeUpdate();
    }

    private static OneTimeCode toCode(OneTimeCodeEntity e) {
        return new OneTimeCode(e.id, new TenantId(e.tenantId), UUID.fromString(e.flowId), CodePurpose.valueOf(e.purpose),
                e.address, e.codeHash, e.identityId == null ? null : new IdentityId(UUID.fromString(e.identityId)),
                e.attempts, e.expiresAt, e.usedAt == null ? null : e.usedAt, e.createdAt,
                e.linkHash, e.traits);
    }
}
