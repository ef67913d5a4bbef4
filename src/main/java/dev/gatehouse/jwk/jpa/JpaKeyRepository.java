package dev.gatehouse.jwk.jpa;

import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.jwk.KeyEncryptionKey;
import dev.gatehouse.jwk.KeyRepository;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.jwk.PrivatePart;
import dev.gatehouse.jwk.SigningAlgorithm;
import dev.gatehouse.jwk.SigningKey;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@link KeyRepository} on JPA. The set's row lock is a {@code PESSIMISTIC_WRITE} read of its {@code jwk_set} row
 * ({@code SELECT ... FOR UPDATE} on PostgreSQL and the embedded database alike), held until the caller's
 * transaction ends.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaKeyRepository implements KeyRepository {

    private static final String ORDER = " order by k.activatedAt desc, k.createdAt desc, k.kid";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    protected JpaKeyRepository() {
    }

    /** For use outside the container (repository contract tests). */
    public JpaKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SigningKey> keys(TenantId tenant, KeySetName set) {
        return entities(tenant, set).stream().map(JpaKeyRepository::toKey).toList();
    }

    @Override
    public List<SigningKey> keys(TenantId tenant) {
        return em.createQuery("select k from KeyEntity k where k.tenantId = :t order by k.setName, k.activatedAt desc,"
                        + " k.createdAt desc, k.kid", KeyEntity.class)
                .setParameter("t", tenant.value()).getResultList().stream().map(JpaKeyRepository::toKey).toList();
    }

    @Override
    public List<SetRef> setsWithKeys() {
        return em.createQuery("select distinct k.tenantId, k.setName from KeyEntity k order by k.tenantId, k.setName",
                        Object[].class).getResultList().stream()
                .map(r -> new SetRef(new TenantId((String) r[0]), new KeySetName((String) r[1]))).toList();
    }

    /**
     * The set row is created first if missing, with an insert that does nothing when it exists (JPQL has no such
     * insert): a plain insert made the second of two concurrent first uses fail on the primary key, while this
     * one waits for the first to commit and then locks the same row.
     */
    @Override
    public <T> T underLock(TenantId tenant, KeySetName set, Function<LockedSet, T> work) {
        em.createNativeQuery("INSERT INTO jwk_set (tenant_id, set_name, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, tenant.value()).setParameter(2, set.value()).executeUpdate();
        if (em.find(KeySetEntity.class, new KeySetEntity.Key(tenant.value(), set.value()), LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("key set row vanished while locking it");
        }
        return work.apply(new Locked(tenant, set));
    }

    @Override
    public List<SigningKey> deleteSet(TenantId tenant, KeySetName set) {
        List<KeyEntity> gone = entities(tenant, set);
        gone.forEach(em::remove);
        return gone.stream().map(JpaKeyRepository::toKey).toList();
    }

    @Override
    public boolean deleteKey(TenantId tenant, KeySetName set, String kid) {
        KeyEntity e = em.find(KeyEntity.class, new KeyEntity.Key(tenant.value(), set.value(), kid));
        if (e == null) {
            return false;
        }
        em.remove(e);
        return true;
    }

    @Override
    public List<SigningKey> deleteRetired(Instant now) {
        List<KeyEntity> retired = em.createQuery("select k from KeyEntity k where k.retireAt <= :now" + ORDER, KeyEntity.class)
                .setParameter("now", now).getResultList();
        retired.forEach(em::remove);
        return retired.stream().map(JpaKeyRepository::toKey).toList();
    }

    private List<KeyEntity> entities(TenantId tenant, KeySetName set) {
        return em.createQuery("select k from KeyEntity k where k.tenantId = :t and k.setName = :s" + ORDER, KeyEntity.class)
                .setParameter("t", tenant.value()).setParameter("s", set.value()).getResultList();
    }

    private final class Locked implements LockedSet {
        private final TenantId tenant;
        private final KeySetName set;

        Locked(TenantId tenant, KeySetName set) {
            this.tenant = tenant;
            this.set = set;
        }

        @Override
        public List<SigningKey> keys() {
            return JpaKeyRepository.this.keys(tenant, set);
        }

        @Override
        public void insert(SigningKey k) {
            if (!k.tenant().equals(tenant) || !k.set().equals(set)) {
                throw new IllegalArgumentException("key belongs to another set");
            }
            em.persist(toEntity(k));
            em.flush();
        }

        @Override
        public void retireSigners(Instant at) {
            entities(tenant, set).stream().filter(e -> e.retireAt == null).forEach(e -> e.retireAt = at);
        }
    }

    private static KeyEntity toEntity(SigningKey k) {
        KeyEntity e = new KeyEntity();
        e.tenantId = k.tenant().value();
        e.setName = k.set().value();
        e.kid = k.kid();
        e.alg = k.alg().name();
        e.keyUse = "sig";
        e.publicJwk = k.publicJwk().toJSONString();
        if (k.privatePart() instanceof PrivatePart.InToken held) {
            e.tokenAlias = held.alias();
        } else if (k.privatePart() instanceof KeyEncryptionKey.Sealed sealed) {
            e.privateCiphertext = sealed.ciphertext();
            e.privateIv = sealed.iv();
            e.kekId = sealed.kekId();
        }
        e.createdAt = k.createdAt();
        e.activatedAt = k.activatedAt();
        e.retireAt = k.retireAt();
        return e;
    }

    private static SigningKey toKey(KeyEntity e) {
        JWK publicJwk;
        try {
            publicJwk = JWK.parse(e.publicJwk);
        } catch (ParseException x) {
            throw new IllegalStateException("stored public key " + e.kid + " does not parse", x);
        }
        return new SigningKey(new TenantId(e.tenantId), new KeySetName(e.setName), e.kid,
                SigningAlgorithm.parse(e.alg).orElseThrow(() -> new IllegalStateException("stored key has an unknown alg")),
                publicJwk, e.tokenAlias != null ? new PrivatePart.InToken(e.tokenAlias)
                        : new KeyEncryptionKey.Sealed(e.privateCiphertext, e.privateIv, e.kekId),
                e.createdAt, e.activatedAt, e.retireAt);
    }
}
