package dev.gatehouse.tenant.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.DuplicateTenantException;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
    public List<Tenant> search(String text, int offset, int limit) {
        String lower = text.toLowerCase(Locale.ROOT);
        String pattern = "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return em.createQuery("select t from TenantEntity t where lower(t.id) like :pattern escape '!'"
                        + " or lower(t.displayName) like :pattern escape '!'"
                        + " or exists (select h from TenantHostEntity h where h.tenant = t and h.host = :host)"
                        + " order by t.id", TenantEntity.class)
                .setParameter("pattern", pattern)
                .setParameter("host", lower)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream().map(TenantEntity::toTenant).toList();
    }

    @Override
    public Optional<Tenant> lock(TenantId id) {
        return Optional.ofNullable(em.find(TenantEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE)).map(TenantEntity::toTenant);
    }

    @Override
    public void addHost(TenantId id, String host) {
        TenantEntity tenant = em.find(TenantEntity.class, id.value());
        TenantHostEntity taken = em.find(TenantHostEntity.class, host);
        if (taken != null) {
            if (taken.tenant() != tenant) {
                throw new DuplicateTenantException("host " + host + " is already mapped to a tenant");
            }
            return;
        }
        tenant.addHost(host);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // lost a race with a concurrent mapping of the same host: the unique key decides
            throw new DuplicateTenantException("host " + host + " is already mapped to a tenant");
        }
    }

    @Override
    public boolean removeHost(TenantId id, String host) {
        TenantEntity tenant = em.find(TenantEntity.class, id.value());
        return tenant != null && tenant.removeHost(host);
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
