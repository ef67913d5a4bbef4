package dev.gatehouse.identity.jpa;

import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.DuplicateIdentifierException;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
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

    /**
     * The traits are stored as compact JSON text, so a string trait reads {@code "name":"value"} there, with any quote
     * inside a key or value escaped: the pattern, made of the JSON encoding of both, matches only a real property. A
     * plain {@code LIKE} with bound parameters, the same on PostgreSQL and H2; the tenant's rows are read in the order
     * of its creation-time index until the page is full.
     */
    @Override
    public List<Identity> searchByTrait(TenantId tenant, String trait, String prefix, int offset, int limit) {
        String value = JsonP.createValue(prefix).toString();
        String pattern = JsonP.createValue(trait) + ":" + value.substring(0, value.length() - 1);
        return em.createQuery("select i from IdentityEntity i where i.tenantId = :tenant and lower(i.traits) like :pattern"
                        + " escape '\\' order by i.createdAt, i.id", IdentityEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("pattern", "%" + likeLiteral(pattern.toLowerCase(Locale.ROOT)) + "%")
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream().map(IdentityMapper::toIdentity).toList();
    }

    private static String likeLiteral(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Native, as the column is read-only to the entity (syncing an identity must never write it back): it changes
     * no entity the caller holds and leaves the identity's version as it is.
     */
    @Override
    public void markUsed(TenantId tenant, IdentityId id, CredentialType type, Instant at) {
        em.createNativeQuery("UPDATE identity_credential SET last_used_at = ? WHERE tenant_id = ? AND identity_id = ? AND type = ?")
                .setParameter(1, Timestamp.from(at))
                .setParameter(2, tenant.value())
                .setParameter(3, id.value())
                .setParameter(4, type.wire())
                .executeUpdate();
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
