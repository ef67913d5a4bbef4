package dev.gatehouse.identity.jpa;

import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.DuplicateIdentifierException;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link IdentityRepository} on JPA. Every read filters on the tenant as well as the key, so an id from
 * another tenant is simply not found. Callers supply the transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaIdentityRepository implements IdentityRepository {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaIdentityRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaIdentityRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Identity> find(TenantId tenant, IdentityId id) {
        return entity(tenant, id).map(IdentityMapper::toIdentity);
    }

    private Optional<IdentityEntity> entity(TenantId tenant, IdentityId id) {
        return em.createQuery("select i from IdentityEntity i where i.id = :id and i.tenantId = :tenant", IdentityEntity.class)
                .setParameter("id", id.value())
                .setParameter("tenant", tenant.value())
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Identity> findByIdentifier(TenantId tenant, CredentialType type, String identifier) {
        return em.createQuery("select x.credential.identity from CredentialIdentifierEntity x "
                        + "where x.tenantId = :tenant and x.type = :type and x.identifier = :identifier", IdentityEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("type", type.wire())
                .setParameter("identifier", identifier)
                .getResultStream().findFirst().map(IdentityMapper::toIdentity);
    }

    @Override
    public Optional<Identity> findByAddress(TenantId tenant, AddressPurpose purpose, String via, String address) {
        String entity = purpose == AddressPurpose.VERIFICATION ? "VerifiableAddressEntity" : "RecoveryAddressEntity";
        return em.createQuery("select a.identity from " + entity + " a where a.tenantId = :tenant and a.via = :via "
                        + "and lower(a.value) = :address", IdentityEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("via", via)
                .setParameter("address", address.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().map(IdentityMapper::toIdentity);
    }

    @Override
    public List<Identity> list(TenantId tenant, int offset, int limit) {
        return em.createQuery("select i from IdentityEntity i where i.tenantId = :tenant order by i.createdAt, i.id",
                        IdentityEntity.class)
                .setParameter("tenant", tenant.value())
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream().map(IdentityMapper::toIdentity).toList();
    }

    @Override
    public void insert(Identity identity) {
        IdentityEntity e = new IdentityEntity(identity.id().value(), identity.tenant().value());
        IdentityMapper.write(identity, e);
        flushGuarded(() -> em.persist(e));
    }

    @Override
    public void update(Identity identity) {
        IdentityEntity e = entity(identity.tenant(), identity.id())
                .orElseThrow(() -> new IllegalStateException("identity to update does not exist"));
        if (e.version != identity.version()) {
            throw new OptimisticLockException("identity changed concurrently");
        }
        IdentityMapper.write(identity, e);
        flushGuarded(() -> { });
    }

    @Override
    public boolean delete(TenantId tenant, IdentityId id) {
        Optional<IdentityEntity> e = entity(tenant, id);
        e.ifPresent(em::remove);
        em.flush();
        return e.isPresent();
    }

    /** Runs the change and flushes, turning a unique-key violation into {@link DuplicateIdentifierException}. */
    private void flushGuarded(Runnable change) {
        try {
            change.run();
            em.flush();
        } catch (OptimisticLockException e) {
            throw e;
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new DuplicateIdentifierException();
            }
            throw e;
        }
    }
}
