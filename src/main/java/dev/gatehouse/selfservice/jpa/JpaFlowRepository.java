package dev.gatehouse.selfservice.jpa;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.BatchDelete;
import dev.gatehouse.platform.db.ExpiredRows;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowRepository;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@link FlowRepository} on JPA, scoped by tenant. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaFlowRepository implements FlowRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaFlowRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaFlowRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(Flow f) {
        FlowEntity e = new FlowEntity();
        e.id = f.id();
        e.tenantId = f.tenant().value();
        e.kind = f.kind().name();
        e.flavor = f.flavor().name();
        e.state = f.state().wire();
        e.requestUrl = f.requestUrl();
        e.returnTo = f.returnTo();
        e.csrfHash = f.csrfHash();
        e.identityId = f.identity() == null ? null : f.identity().toString();
        e.sessionId = f.sessionId() == null ? null : f.sessionId().toString();
        e.refresh = f.refresh();
        e.ui = JsonText.write(f.ui().toJson());
        e.issuedAt = f.issuedAt();
        e.expiresAt = f.expiresAt();
        e.updatedAt = e.issuedAt;
        em.persist(e);
    }

    @Override
    public Optional<Flow> find(TenantId tenant, UUID id) {
        return em.createQuery("select f from FlowEntity f where f.tenantId = :t and f.id = :id", FlowEntity.class)
                .setParameter("t", tenant.value()).setParameter("id", id)
                .getResultStream().findFirst().map(JpaFlowRepository::toFlow);
    }

    @Override
    public void update(Flow f) {
        FlowEntity e = entity(f);
        e.state = f.state().wire();
        e.ui = JsonText.write(f.ui().toJson());
        if (e.csrfHash == null) {
            // an admin's recovery flow is bound to a browser once, when its link is first opened there
            e.csrfHash = f.csrfHash();
        }
        e.updatedAt = Instant.now();
    }

    @Override
    public int deleteExpired(ExpiredRows.Batch batch) {
        return BatchDelete.expired(em, "FlowEntity", batch.cutoff()).run(batch.size());
    }

    public void rebind(Flow f) {
        FlowEntity e = entity(f);
        e.csrfHash = f.csrfHash();
        e.ui = JsonText.write(f.ui().toJson());
        e.updatedAt = Instant.now();
    }

    private FlowEntity entity(Flow f) {
        return em.createQuery("select f from FlowEntity f where f.tenantId = :t and f.id = :id", FlowEntity.class)
                .setParameter("t", f.tenant().value()).setParameter("id", f.id()).getSingleResult();
    }

    private static Flow toFlow(FlowEntity e) {
        return new Flow(e.id, new TenantId(e.tenantId), FlowKind.valueOf(e.kind), Flavor.valueOf(e.flavor), FlowState.ofWire(e.state),
                e.requestUrl, e.returnTo, e.csrfHash, e.identityId == null ? null : new IdentityId(UUID.fromString(e.identityId)),
                e.sessionId == null ? null : UUID.fromString(e.sessionId),
                e.refresh, Ui.fromJson(JsonText.readObject(e.ui)), e.issuedAt, e.expiresAt);
    }
}
