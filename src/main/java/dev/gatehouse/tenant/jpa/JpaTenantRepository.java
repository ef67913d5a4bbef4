package dev.gatehouse.tenant.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.DuplicateTenantException;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link TenantRepository} on JPA. Callers supply the transaction (the service layer is transactional). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaTenantRepository implements TenantRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaTenantRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaTenantRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(TenantEntity.class, id.value())).map(TenantEntity::toTenant);
    }

    @Override
    public Optional<Tenant> findByHost(String host) {
        return Optional.ofNullable(em.find(TenantHostEntity.class, host.toLowerCase(Locale.ROOT)))
                .map(h -> h.tenant().toTenant());
    }

    @Override
    public List<Tenant> list(int offset, int limit) {
        return em.createQuery("select t from TenantEntity t order by t.id", TenantEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream().map(TenantEntity::toTenant).toList();
    }

    @Override
    public void create(Tenant tenant) {
        if (em.find(TenantEntity.class, tenant.id().value()) != null) {
            throw new DuplicateTenantException("tenant " + tenant.id() + " already exists");
        }
        for (String host : tenant.hosts()) {
            if (em.find(TenantHostEntity.class, host) != null) {
                throw new DuplicateTenantException("host " + host + " is already mapped to a tenant");
            }
        }
        try {
            em.persist(TenantEntity.from(tenant));
            em.flush();
        } catch (PersistenceException e) {
            // lost a race with a concurrent create of the same id or host: the unique keys decide
            throw new DuplicateTenantException("tenant " + tenant.id() + " or one of its hosts already exists");
        }
    }
}
