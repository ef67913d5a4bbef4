package dev.gatehouse.courier.jpa;

import dev.gatehouse.courier.CourierMessage;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.Outbox;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Outbox} on JPA; every query is scoped by the tenant. For the admin API, the console and the dev outbox page,
 * which open the transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaOutbox implements Outbox {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaOutbox() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaOutbox(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<CourierMessage> list(TenantId tenant, Optional<MessageStatus> status, Optional<String> recipient,
                                     int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select m from CourierMessageEntity m where m.tenantId = :tenant");
        status.ifPresent(s -> jpql.append(" and m.status = :status"));
        recipient.ifPresent(r -> jpql.append(" and m.recipient = :recipient"));
        jpql.append(" order by m.createdAt desc, m.id desc");
        TypedQuery<CourierMessageEntity> q = em.createQuery(jpql.toString(), CourierMessageEntity.class)
                .setParameter("tenant", tenant.value());
        status.ifPresent(s -> q.setParameter("status", s.wire()));
        recipient.ifPresent(r -> q.setParameter("recipient", r));
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(CourierMessageEntity::toMessage).toList();
    }

    @Override
    public Optional<CourierMessage> find(TenantId tenant, UUID id) {
        return em.createQuery("select m from CourierMessageEntity m where m.id = :id and m.tenantId = :tenant",
                        CourierMessageEntity.class)
                .setParameter("id", id)
                .setParameter("tenant", tenant.value())
                .getResultStream().findFirst().map(CourierMessageEntity::toMessage);
    }

    @Override
    public boolean requeue(TenantId tenant, UUID id, Instant now) {
        Optional<CourierMessageEntity> found = em.createQuery(
                        "select m from CourierMessageEntity m where m.id = :id and m.tenantId = :tenant", CourierMessageEntity.class)
                .setParameter("id", id)
                .setParameter("tenant", tenant.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty() || !found.get().status.equals(MessageStatus.ABANDONED.wire())) {
            return false;
        }
        CourierMessageEntity m = found.get();
        m.status = MessageStatus.QUEUED.wire();
        m.sendCount = 0;
        m.nextAttemptAt = now;
        m.updatedAt = now;
        return true;
    }
}
