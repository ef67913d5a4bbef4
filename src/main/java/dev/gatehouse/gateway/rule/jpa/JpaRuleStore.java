package dev.gatehouse.gateway.rule.jpa;

import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleStore;
import dev.gatehouse.gateway.rule.RuleVersion;
import dev.gatehouse.gateway.rule.RuleWriteConflict;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RuleStore} on JPA. Writes lock the tenant's {@code gateway_rule_set} row, so concurrent admin writes
 * of one tenant are serialised and each gets its own set version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaRuleStore implements RuleStore {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;
    @Inject
    Clock clock;

    protected JpaRuleStore() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaRuleStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public long setVersion(TenantId tenant) {
        GatewayRuleSetEntity s = em.find(GatewayRuleSetEntity.class, tenant.value());
        return s == null ? 0 : s.setVersion;
    }

    @Override
    public List<StoredRule> list(TenantId tenant) {
        return em.createQuery("select r from GatewayRuleEntity r where r.tenantId = :t order by r.ruleId", GatewayRuleEntity.class)
                .setParameter("t", tenant.value()).getResultList().stream().map(JpaRuleStore::toStored).toList();
    }

    @Override
    public Optional<StoredRule> find(TenantId tenant, String ruleId) {
        return entity(tenant, ruleId).map(JpaRuleStore::toStored);
    }

    private Optional<GatewayRuleEntity> entity(TenantId tenant, String ruleId) {
        return em.createQuery("select r from GatewayRuleEntity r where r.tenantId = :t and r.ruleId = :id", GatewayRuleEntity.class)
                .setParameter("t", tenant.value()).setParameter("id", ruleId).getResultStream().findFirst();
    }

    @Override
    public StoredRule save(TenantId tenant, Rule rule, String actor, Write write) {
        bump(tenant);
        Instant now = clock.instant();
        String document = rule.toJson().toString();
        GatewayRuleEntity e = entity(tenant, rule.id()).orElse(null);
        if ((e == null) == (write == Write.REPLACE)) {
            throw new RuleWriteConflict(rule.id(), e != null);
        }
        if (e == null) {
            e = new GatewayRuleEntity();
            e.uid = UUID.randomUUID().toString();
            e.tenantId = tenant.value();
            e.ruleId = rule.id();
            e.revision = lastRevision(tenant, rule.id()) + 1;
            e.document = document;
            e.createdAt = now;
            e.updatedAt = now;
            em.persist(e);
        } else {
            e.revision = e.revision + 1;
            e.document = document;
            e.updatedAt = now;
        }
        version(tenant, rule.id(), e.revision, document, actor, now);
        em.flush();
        return toStored(e);
    }

    @Override
    public boolean delete(TenantId tenant, String ruleId, String actor) {
        bump(tenant);
        Optional<GatewayRuleEntity> e = entity(tenant, ruleId);
        if (e.isEmpty()) {
            return false;
        }
        version(tenant, ruleId, e.get().revision + 1, null, actor, clock.instant());
        em.remove(e.get());
        em.flush();
        return true;
    }

    @Override
    public List<RuleVersion> history(TenantId tenant, String ruleId) {
        return em.createQuery("select v from GatewayRuleVersionEntity v where v.tenantId = :t and v.ruleId = :id order by v.revision desc",
                        GatewayRuleVersionEntity.class)
                .setParameter("t", tenant.value()).setParameter("id", ruleId).setMaxResults(500).getResultList().stream()
                .map(v -> new RuleVersion(v.ruleId, v.revision, v.document == null ? null : JsonText.readObject(v.document),
                        v.changedBy, v.changedAt))
                .toList();
    }

    private int lastRevision(TenantId tenant, String ruleId) {
        Integer max = em.createQuery("select max(v.revision) from GatewayRuleVersionEntity v where v.tenantId = :t and v.ruleId = :id",
                Integer.class).setParameter("t", tenant.value()).setParameter("id", ruleId).getSingleResult();
        return max == null ? 0 : max;
    }

    private void version(TenantId tenant, String ruleId, int revision, String document, String actor, Instant at) {
        GatewayRuleVersionEntity v = new GatewayRuleVersionEntity();
        v.uid = UUID.randomUUID().toString();
        v.tenantId = tenant.value();
        v.ruleId = ruleId;
        v.revision = revision;
        v.document = document;
        v.changedBy = actor == null ? null : actor.substring(0, Math.min(actor.length(), 100));
        v.changedAt = at;
        em.persist(v);
    }

    /**
     * Locks the tenant's set row and bumps its version. The row is created first if missing, with an insert that
     * does nothing when it exists: a plain insert made the second of two concurrent first writes of a tenant fail
     * on the primary key, while this one waits for the first to commit and then locks the same row.
     */
    private void bump(TenantId tenant) {
        em.createNativeQuery("INSERT INTO gateway_rule_set (tenant_id, set_version) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, tenant.value()).executeUpdate();
        GatewayRuleSetEntity s = em.find(GatewayRuleSetEntity.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
        s.setVersion = s.setVersion + 1;
    }

    private static StoredRule toStored(GatewayRuleEntity e) {
        return new StoredRule(Rule.parse(JsonText.readObject(e.document)), e.revision, e.createdAt, e.updatedAt);
    }
}
