package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.kernel.cache.BoundedCache;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.log.Logs;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The key sets of every tenant: creates a set's first key on first use, replaces the signing key (by the
 * admin API or the rotation schedule) while older keys keep verifying until their retirement time, and
 * decrypts private keys for signing (or, for keys held in a PKCS#11 token, signs through the token's handle). New
 * keys are made where {@code gatehouse.jwk.signing-key-store} says; a token key that ends up unused (another node was
 * first) or whose row is deleted is destroyed in the token too. All creation and rotation happens under the set's database row lock;
 * what a node remembers is a bounded cache that lives {@code gatehouse.jwk.cache-ttl}. A new key is generated
 * (slow, for RSA) before the lock is taken, so no database connection or lock is held meanwhile: each step that
 * reads or writes keys is a short transaction of its own (or joins the caller's), so key changes commit before
 * anyone signs with them.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logs.of(KeyRing.class);
    private static final int MAX_CACHED_SETS = 1_000;
    /** An unknown {@code kid} reloads the set at most this often, so random kids cannot hammer the database. */
    private static final Duration RELOAD_ON_UNKNOWN_KID = Duration.ofSeconds(1);
    /** A retired key's use is reported at most this often per key and node. */
    private static final Duration RETIRED_USE_REPORTED_EVERY = Duration.ofMinutes(1);

    private KeyRepository repository;
    private Transactions transactions;
    private JwkConfig config;
    private KeyEncryptionKeys keks;
    private Pkcs11Token token;
    private SecurityEvents events;
    private Clock clock;
    private BoundedCache<SetKey, LoadedSet> sets;
    private BoundedCache<String, JWSSigner> jwsSigners;
    private BoundedCache<String, Boolean> retiredReported;
    /** Held while this node makes a set's first key, so concurrent first signatures generate one key, not many. */
    private final Object firstKeys = new Object();

    protected KeyRing() {
    }

    @Inject
    public KeyRing(KeyRepository repository, Transactions transactions, JwkConfig config, KeyEncryptionKeys keks,
                   Pkcs11Token token, SecurityEvents events, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.config = config;
        this.keks = keks;
        this.token = token;
        this.events = events;
        this.clock = clock;
        this.sets = new BoundedCache<>(MAX_CACHED_SETS, clock);
        this.jwsSigners = new BoundedCache<>(MAX_CACHED_SETS, clock);
        this.retiredReported = new BoundedCache<>(MAX_CACHED_SETS, clock);
    }

    /** The set's keys that still verify, newest first (possibly none). */
    public List<SigningKey> verifying(TenantId tenant, KeySetName set) {
        Instant now = clock.instant();
        return cached(tenant, set).keys().stream().filter(k -> k.verifiesAt(now)).toList();
    }

    /** Like {@link #verifying}, but reads the set again if it does not know {@code kid} and its copy is not brand new. */
    public List<SigningKey> verifying(TenantId tenant, KeySetName set, Optional<String> kid) {
        LoadedSet entry = cached(tenant, set);
        boolean known = kid.isPresent() && entry.keys().stream().anyMatch(k -> k.kid().equals(kid.get()));
        if (kid.isPresent() && !known && entry.loadedAt().plus(RELOAD_ON_UNKNOWN_KID).isBefore(clock.instant())) {
            load(tenant, set);
        }
        return verifying(tenant, set);
    }

    /** The set's signing key, created (with the configured default algorithm) if the set has none. */
    public SigningKey signer(TenantId tenant, KeySetName set) {
        Optional<SigningKey> signer = signerIn(cached(tenant, set).keys());
        if (signer.isPresent()) {
            return signer.get();
        }
        synchronized (firstKeys) {
            signer = signerIn(load(tenant, set).keys());
            if (signer.isPresent()) {
                return signer.get();
            }
            SigningKey key = newKey(tenant, set, UUID.randomUUID().toString(), config.defaultAlgorithm());
            // another node may have been first: then its key signs, and this one is dropped
            Optional<SigningKey> created = stored(key, () -> transactions.call(() -> repository.underLock(tenant, set, locked -> {
                if (signerIn(locked.keys()).isPresent()) {
                    return Optional.<SigningKey>empty();
                }
                locked.insert(key);
                return Optional.of(key);
            })));
            created.ifPresent(k -> fire(SecurityEventType.KEY_CREATED, k, null, "first use"));
            return signerIn(load(tenant, set).keys())
                    .orElseThrow(() -> new IllegalStateException("key set " + set + " has no signing key"));
        }
    }

    /** What signs with {@code key}: its decrypted private JWK, or its handle in the PKCS#11 token. */
    public JWSSigner jwsSigner(SigningKey key) {
        String id = key.tenant().value() + "/" + key.set().value() + "/" + key.kid();
        return jwsSigners.get(id).orElseGet(() -> {
            JWSSigner signer;
            try {
                signer = key.privatePart() instanceof PrivatePart.InToken held
                        ? key.alg().signer(token.privateKey(held.alias()), token.provider())
                        : key.alg().signer(decrypt(key, (KeyEncryptionKey.Sealed) key.privatePart()));
            } catch (JOSEException e) {
                throw new IllegalStateException("key " + key.kid() + " cannot sign", e);
            }
            jwsSigners.put(id, signer, clock.instant().plus(config.cacheTtl()));
            return signer;
        });
    }

    private JWK decrypt(SigningKey key, KeyEncryptionKey.Sealed sealed) {
        byte[] json = keks.current().open(sealed, key.associatedData());
        try {
            return JWK.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("stored private key " + key.kid() + " does not parse", e);
        }
    }

    /**
     * Adds a key to the set that signs from now on (Hydra's {@code POST /admin/keys/{set}}); the keys that signed
     * until now retire after {@code gatehouse.jwk.retire-after}.
     *
     * @throws DuplicateKeyIdException if the set already holds {@code kid}
     */
    public SigningKey create(TenantId tenant, KeySetName set, SigningAlgorithm alg, Optional<String> kid, String actor) {
        String id = kid.orElseGet(() -> UUID.randomUUID().toString());
        SigningKey created = newKey(tenant, set, id, alg);
        // a taken kid is an answer, not an exception inside the transaction: nothing is written either way
        Optional<SigningKey> stored = stored(created, () -> transactions.call(() -> repository.underLock(tenant, set, locked -> {
            if (locked.keys().stream().anyMatch(k -> k.kid().equals(id))) {
                return Optional.<SigningKey>empty();
            }
            locked.retireSigners(created.activatedAt().plus(config.retireAfter()));
            locked.insert(created);
            return Optional.of(created);
        })));
        SigningKey key = stored.orElseThrow(DuplicateKeyIdException::new);
        forget(tenant, set);
        fire(SecurityEventType.KEY_CREATED, key, actor, "admin");
        return key;
    }

    /**
     * Replaces the set's signing key if it has signed for {@code gatehouse.jwk.rotation-period}; on several
     * nodes at once, exactly one rotates (the others see the new key under the lock and do nothing).
     */
    public Optional<SigningKey> rotateIfDue(TenantId tenant, KeySetName set) {
        Optional<SigningKey> current = signerIn(transactions.call(() -> repository.keys(tenant, set)));
        if (current.isEmpty() || !due(current.get())) {
            return Optional.empty();
        }
        SigningKey next = newKey(tenant, set, UUID.randomUUID().toString(), current.get().alg());
        Optional<SigningKey> rotated = stored(next, () -> transactions.call(() -> repository.underLock(tenant, set, locked -> {
            Optional<SigningKey> signing = signerIn(locked.keys());
            if (signing.isEmpty() || !due(signing.get())) {
                return Optional.<SigningKey>empty();
            }
            locked.retireSigners(next.activatedAt().plus(config.retireAfter()));
            locked.insert(next);
            return Optional.of(next);
        })));
        rotated.ifPresent(k -> {
            forget(tenant, set);
            fire(SecurityEventType.KEY_ROTATED, k, null, "schedule");
        });
        return rotated;
    }

    /** Deletes every key of the set; the next signature creates a new first key. */
    public List<SigningKey> deleteSet(TenantId tenant, KeySetName set, String actor) {
        List<SigningKey> deleted = transactions.call(() -> repository.deleteSet(tenant, set));
        forget(tenant, set);
        release(deleted);
        deleted.forEach(k -> fire(SecurityEventType.KEY_DELETED, k, actor, "admin"));
        return deleted;
    }

    public boolean deleteKey(TenantId tenant, KeySetName set, String kid, String actor) {
        Optional<SigningKey> key = transactions.call(() -> repository.keys(tenant, set)).stream()
                .filter(k -> k.kid().equals(kid)).findFirst();
        boolean deleted = key.isPresent() && transactions.call(() -> repository.deleteKey(tenant, set, kid));
        forget(tenant, set);
        if (deleted) {
            release(List.of(key.get()));
            fire(SecurityEventType.KEY_DELETED, key.get(), actor, "admin");
        }
        return deleted;
    }

    /** Removes keys past their retirement time from the database (they no longer verify anywhere). */
    public int purgeRetired() {
        List<SigningKey> purged = transactions.call(() -> repository.deleteRetired(clock.instant()));
        release(purged);
        purged.forEach(k -> {
            forget(k.tenant(), k.set());
            fire(SecurityEventType.KEY_DELETED, k, null, "retired");
        });
        return purged.size();
    }

    /**
     * Whether {@code kid} names a key of the set that is past its retirement time but not yet purged; if so, a
     * {@code key_retired_used} security event (a failure, for alerting) says a token signed by it was presented.
     */
    public boolean reportIfRetired(TenantId tenant, KeySetName set, String kid, String jwt) {
        Instant now = clock.instant();
        // only a token the retired key really signed (retired kids are public: they were in the JWKS), and one
        // event per key and minute on this node, so nobody can make alerts by sending headers
        Optional<SigningKey> retired = cached(tenant, set).keys().stream()
                .filter(k -> k.kid().equals(kid) && !k.verifiesAt(now) && JwsVerification.signedBy(jwt, k)).findFirst();
        String reportKey = tenant.value() + "/" + set.value() + "/" + kid;
        if (retired.isEmpty() || retiredReported.get(reportKey).isPresent()) {
            return retired.isPresent();
        }
        retiredReported.put(reportKey, Boolean.TRUE, now.plus(RETIRED_USE_REPORTED_EVERY));
        retired.ifPresent(k -> events.fire(event(SecurityEventType.KEY_RETIRED_USED, Outcome.FAILURE, k, null, "verification")
                .detail("retired_at", k.retireAt().toString())));
        return retired.isPresent();
    }

    /** Every key of the tenant that still verifies, all sets. */
    public List<SigningKey> verifying(TenantId tenant) {
        Instant now = clock.instant();
        return transactions.call(() -> repository.keys(tenant)).stream().filter(k -> k.verifiesAt(now)).toList();
    }

    /** The signing key of every set that has one, across tenants (for the operator's metrics). */
    public List<SigningKey> currentSigners() {
        return transactions.call(() -> repository.setsWithKeys().stream()
                .map(ref -> signerIn(repository.keys(ref.tenant(), ref.set()))).flatMap(Optional::stream).toList());
    }

    /** When {@code signer} is due to be replaced by a new key. */
    public java.time.Instant rotationDue(SigningKey signer) {
        return signer.activatedAt().plus(config.rotationPeriod());
    }

    private boolean due(SigningKey signer) {
        return !signer.activatedAt().plus(config.rotationPeriod()).isAfter(clock.instant());
    }

    private SigningKey newKey(TenantId tenant, KeySetName set, String kid, SigningAlgorithm alg) {
        Instant now = clock.instant();
        if (config.signingKeyStore() == JwkConfig.SigningKeyStore.PKCS11) {
            // a label of its own, not the kid: kids are chosen per set (even by admins) and may repeat across sets
            PrivatePart.InToken held = new PrivatePart.InToken("gatehouse-jwk-" + UUID.randomUUID());
            JWK publicJwk = token.generate(held.alias(), alg, kid);
            return new SigningKey(tenant, set, kid, alg, publicJwk, held, now, now, null);
        }
        KeyEncryptionKey kek = keks.current();
        JWK jwk = alg.generate(kid);
        KeyEncryptionKey.Sealed sealed = kek.seal(jwk.toJSONString().getBytes(StandardCharsets.UTF_8),
                SigningKey.associatedData(tenant, set, kid));
        return new SigningKey(tenant, set, kid, alg, jwk.toPublicJWK(), sealed, now, now, null);
    }

    /** Runs {@code store}; a token key it answered it did not store is destroyed again. */
    private Optional<SigningKey> stored(SigningKey key, java.util.function.Supplier<Optional<SigningKey>> store) {
        // released only when the write answered that it stored nothing: a write that failed may still have
        // committed (a lost acknowledgement), and a row naming a destroyed key could not sign
        Optional<SigningKey> stored = store.get();
        if (stored.isEmpty()) {
            release(List.of(key));
        }
        return stored;
    }

    /** Destroys the token objects of keys whose rows are gone (or were never written); a failure is logged, not thrown. */
    private void release(List<SigningKey> keys) {
        for (SigningKey k : keys) {
            if (k.privatePart() instanceof PrivatePart.InToken held) {
                try {
                    token.delete(held.alias());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not delete the PKCS#11 key " + held.alias() + " of key " + k.kid()
                            + "; it no longer signs or verifies, delete it with the token's tools", e);
                }
            }
        }
    }

    static Optional<SigningKey> signerIn(List<SigningKey> keys) {
        return keys.stream().filter(SigningKey::signs)
                .max((a, b) -> a.activatedAt().compareTo(b.activatedAt()));
    }

    private LoadedSet cached(TenantId tenant, KeySetName set) {
        return sets.get(new SetKey(tenant, set)).orElseGet(() -> load(tenant, set));
    }

    private LoadedSet load(TenantId tenant, KeySetName set) {
        LoadedSet loaded = new LoadedSet(transactions.call(() -> repository.keys(tenant, set)), clock.instant());
        sets.put(new SetKey(tenant, set), loaded, loaded.loadedAt().plus(config.cacheTtl()));
        return loaded;
    }

    private void forget(TenantId tenant, KeySetName set) {
        SetKey key = new SetKey(tenant, set);
        sets.removeIf(key::equals);
        String prefix = tenant.value() + "/" + set.value() + "/";
        jwsSigners.removeIf(id -> id.startsWith(prefix));
    }

    private void fire(SecurityEventType type, SigningKey key, String actor, String reason) {
        events.fire(event(type, Outcome.SUCCESS, key, actor, reason));
    }

    private static SecurityEvent.Builder event(SecurityEventType type, Outcome outcome, SigningKey key, String actor, String reason) {
        return SecurityEvent.of(type, outcome)
                .tenant(key.tenant().value())
                .actor(actor)
                .subject(key.set().value() + "/" + key.kid())
                .detail("set", key.set().value())
                .detail("kid", key.kid())
                .detail("alg", key.alg().name())
                .detail("reason", reason);
    }

    private record SetKey(TenantId tenant, KeySetName set) {
    }

    /** A set's keys as read from the database, and when: at most {@code cache-ttl} old. */
    private record LoadedSet(List<SigningKey> keys, Instant loadedAt) {
    }

    /** The set already has a key with the requested {@code kid}. */
    public static final class DuplicateKeyIdException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKeyIdException() {
            super("the key set already has a key with this kid", null, false, false);
        }
    }
}
