package dev.gatehouse.tenant.settings.jpa;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.jpa.TenantEntity;
import dev.gatehouse.tenant.settings.TenantSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link TenantSettingsRepository} on JPA; every query is scoped by the tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaTenantSettingsRepository implements TenantSettingsRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaTenantSettingsRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaTenantSettingsRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public SortedMap<String, String> find(TenantId tenant) {
        SortedMap<String, String> values = new TreeMap<>();
        rows(tenant).forEach(row -> values.put(row.name(), row.value()));
        return values;
    }

    @Override
    public boolean exists(TenantId tenant) {
        return em.find(TenantEntity.class, tenant.value()) != null;
    }

    @Override
    public boolean lock(TenantId tenant) {
        return em.find(TenantEntity.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE) != null;
    }

    @Override
    public void replace(TenantId tenant, Map<String, String> values, Instant at) {
        var when = at.atOffset(ZoneOffset.UTC);
        List<TenantSettingEntity> rows = rows(tenant);
        for (TenantSettingEntity row : rows) {
            String value = values.get(row.name());
            if (value == null) {
                em.remove(row);
            } else {
                row.change(value, when);
            }
        }
        values.forEach((name, value) -> {
            if (rows.stream().noneMatch(row -> row.name().equals(name))) {
                em.persist(new TenantSettingEntity(tenant.value(), name, value, when));
            }
        });
        em.flush();
    }

    private List<TenantSettingEntity> rows(TenantId tenant) {
        return em.createQuery("select s from TenantSettingEntity s where s.tenantId = :tenant", TenantSettingEntity.class)
                .setParameter("tenant", tenant.value())
                .getResultList();
    }
}
