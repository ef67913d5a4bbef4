package dev.gatehouse.oauth2.client.jpa;

import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.ClientRepository;
import dev.gatehouse.oauth2.client.DuplicateClientException;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ClientRepository} on JPA. Every query filters on the tenant as well as the client id, so a client of
 * another tenant is simply not found. Callers supply the transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaClientRepository implements ClientRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaClientRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaClientRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<RegisteredClient> find(TenantId tenant, String clientId) {
        return entity(tenant, clientId).map(ClientMapper::read);
    }

    private Optional<ClientEntity> entity(TenantId tenant, String clientId) {
        return em.createQuery("select c from ClientEntity c where c.tenantId = :tenant and c.clientId = :clientId",
                        ClientEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    @Override
    public List<RegisteredClient> list(TenantId tenant, Optional<String> clientName, int offset, int limit) {
        TypedQuery<ClientEntity> q = em.createQuery("select c from ClientEntity c where c.tenantId = :tenant"
                        + (clientName.isPresent() ? " and c.clientName = :name" : "")
                        + " order by c.createdAt, c.clientId", ClientEntity.class)
                .setParameter("tenant", tenant.value());
        clientName.ifPresent(n -> q.setParameter("name", n));
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(ClientMapper::read).toList();
    }

    @Override
    public void insert(RegisteredClient client) {
        ClientEntity e = new ClientEntity(Ids.uuid(), client.tenant().value(), client.clientId());
        ClientMapper.write(client, e);
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (DatabaseFailures.isUniqueViolation(ex)) {
                throw new DuplicateClientException();
            }
            throw ex;
        }
    }

    @Override
    public boolean update(RegisteredClient client) {
        Optional<ClientEntity> e = entity(client.tenant(), client.clientId());
        e.ifPresent(x -> {
            ClientMapper.write(client, x);
            em.flush();
        });
        return e.isPresent();
    }

    @Override
    public boolean delete(TenantId tenant, String clientId) {
        em.createQuery("delete from ClientAssertionEntity a where a.tenantId = :tenant and a.clientId = :clientId")
                .setParameter("tenant", tenant.value()).setParameter("clientId", clientId).executeUpdate();
        Optional<ClientEntity> e = entity(tenant, clientId);
        e.ifPresent(em::remove);
        em.flush();
        return e.isPresent();
    }

    /** The seen ids of expired client assertions: an expired assertion is refused by its {@code exp} already. */
    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return BatchDelete.expired(em, "ClientAssertionEntity", batch.cutoff()).run(batch.size());
    }

    @Override
    public boolean recordAssertionId(TenantId tenant, String clientId, String jti, Instant expiresAt, Instant now) {
        em.createQuery("delete from ClientAssertionEntity a where a.tenantId = :tenant and a.clientId = :clientId"
                        + " and a.expiresAt < :now")
                .setParameter("tenant", tenant.value()).setParameter("clientId", clientId)
                .setParameter("now", now).executeUpdate();
        boolean seen = !em.createQuery("select a.id from ClientAssertionEntity a where a.tenantId = :tenant"
                        + " and a.clientId = :clientId and a.jti = :jti", java.util.UUID.class)
                .setParameter("tenant", tenant.value()).setParameter("clientId", clientId).setParameter("jti", jti)
                .setMaxResults(1).getResultList().isEmpty();
        if (seen) {
            return false;
        }
        em.persist(new ClientAssertionEntity(Ids.uuid(), tenant.value(), clientId, jti, expiresAt));
        em.flush();
        return true;
    }
}
