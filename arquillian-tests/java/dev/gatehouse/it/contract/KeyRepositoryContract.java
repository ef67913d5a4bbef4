package dev.gatehouse.it.contract;

import dev.gatehouse.jwk.KeyEncryptionKey;
import dev.gatehouse.jwk.KeyRepository;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.jwk.SigningAlgorithm;
import dev.gatehouse.jwk.SigningKey;
import dev.gatehouse.jwk.jpa.JpaKeyRepository;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link KeyRepository} must do, on each database the product supports. */
abstract class KeyRepositoryContract extends RepositoryContract<KeyRepository> {

    private static final KeySetName SET = new KeySetName("hydra.openid.id-token");

    @Override
    protected KeyRepository repository(EntityManager em) {
        return new JpaKeyRepository(em);
    }

    private static SigningKey key(TenantId tenant, String kid, Instant activatedAt) {
        return new SigningKey(tenant, SET, kid, SigningAlgorithm.ES256, SigningAlgorithm.ES256.generate(kid).toPublicJWK(),
                new KeyEncryptionKey.Sealed("ciphertext-" + kid, "iv-" + kid, "kek-1"), activatedAt, activatedAt, null);
    }

    private SigningKey stored(TenantId tenant, String kid, Instant activatedAt) {
        SigningKey k = key(tenant, kid, activatedAt);
        inTx(r -> r.underLock(tenant, SET, locked -> {
            locked.insert(k);
            return null;
        }));
        return k;
    }

    @Test
    void underLockWhenSetIsNewThenKeyIsStoredAsGiven() {
        SigningKey k = stored(TenantId.DEFAULT, "k1", NOW);

        assertEquals(List.of(k), inTx(r -> r.keys(TenantId.DEFAULT, SET)));
    }

    @Test
    void keysWhenSeveralThenNewestActivationFirst() {
        stored(TenantId.DEFAULT, "old", NOW.minusSeconds(60));
        stored(TenantId.DEFAULT, "new", NOW);

        assertEquals(List.of("new", "old"), inTx(r -> r.keys(TenantId.DEFAULT, SET)).stream().map(SigningKey::kid).toList());
    }

    @Test
    void retireSignersThenEveryKeyThatSignedGetsTheTimeAndTheNewKeySigns() {
        stored(TenantId.DEFAULT, "k1", NOW.minusSeconds(60));
        SigningKey next = key(TenantId.DEFAULT, "k2", NOW);
        inTx(r -> r.underLock(TenantId.DEFAULT, SET, locked -> {
            locked.retireSigners(NOW.plusSeconds(3600));
            locked.insert(next);
            return null;
        }));

        List<SigningKey> keys = inTx(r -> r.keys(TenantId.DEFAULT, SET));
        assertEquals(next, keys.get(0));
        assertEquals(NOW.plusSeconds(3600), keys.get(1).retireAt());
    }

    @Test
    void underLockWhenWorkThrowsThenNothingIsWritten() {
        try {
            inTx(r -> r.underLock(TenantId.DEFAULT, SET, locked -> {
                locked.insert(key(TenantId.DEFAULT, "k1", NOW));
                throw new IllegalStateException("boom");
            }));
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertTrue(inTx(r -> r.keys(TenantId.DEFAULT, SET)).isEmpty());
    }

    @Test
    void underLockWhenHeldThenSecondWaitsUntilFirstCommits() throws Exception {
        stored(TenantId.DEFAULT, "k1", NOW.minusSeconds(60));
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTx(r -> r.underLock(TenantId.DEFAULT, SET, l -> {
            locked.countDown();
            sleep(400);
            l.retireSigners(NOW);
            l.insert(key(TenantId.DEFAULT, "k2", NOW));
            return null;
        })));
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        List<String> seen = inTx(r -> r.underLock(TenantId.DEFAULT, SET,
                l -> l.keys().stream().map(SigningKey::kid).toList()));

        first.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("k2", "k1"), seen, "the second lock holder sees what the first one wrote");
    }

    @Test
    void keysOfTenantWhenOtherTenantHasKeysThenOnlyOwn() {
        stored(TenantId.DEFAULT, "mine", NOW);
        stored(OTHER, "theirs", NOW);

        assertEquals(List.of("mine"), inTx(r -> r.keys(TenantId.DEFAULT)).stream().map(SigningKey::kid).toList());
        assertEquals(List.of("theirs"), inTx(r -> r.keys(OTHER, SET)).stream().map(SigningKey::kid).toList());
        assertEquals(List.of(new KeyRepository.SetRef(TenantId.DEFAULT, SET), new KeyRepository.SetRef(OTHER, SET)),
                inTx(KeyRepository::setsWithKeys));
    }

    @Test
    void deleteKeyWhenOtherTenantThenNothingAndOwnThenGone() {
        stored(TenantId.DEFAULT, "k1", NOW);

        assertFalse(holds(r -> r.deleteKey(OTHER, SET, "k1")));
        assertTrue(holds(r -> r.deleteKey(TenantId.DEFAULT, SET, "k1")));
        assertFalse(holds(r -> r.deleteKey(TenantId.DEFAULT, SET, "k1")));
        assertTrue(inTx(r -> r.keys(TenantId.DEFAULT, SET)).isEmpty());
    }

    @Test
    void deleteSetThenReturnsWhatWasDeletedAndLeavesOtherTenants() {
        SigningKey mine = stored(TenantId.DEFAULT, "k1", NOW);
        stored(OTHER, "k1", NOW);

        assertEquals(List.of(mine), inTx(r -> r.deleteSet(TenantId.DEFAULT, SET)));
        assertTrue(inTx(r -> r.keys(TenantId.DEFAULT, SET)).isEmpty());
        assertEquals(1, inTx(r -> r.keys(OTHER, SET)).size());
    }

    @Test
    void deleteRetiredWhenPastRetirementThenGoneAcrossTenantsSignersStay() {
        stored(TenantId.DEFAULT, "k1", NOW.minusSeconds(60));
        stored(OTHER, "o1", NOW.minusSeconds(60));
        for (TenantId t : List.of(TenantId.DEFAULT, OTHER)) {
            inTx(r -> r.underLock(t, SET, l -> {
                l.retireSigners(NOW.minusSeconds(1));
                l.insert(key(t, "next", NOW));
                return null;
            }));
        }

        List<SigningKey> gone = inTx(r -> r.deleteRetired(NOW));

        assertEquals(2, gone.size());
        assertEquals(List.of("next"), inTx(r -> r.keys(TenantId.DEFAULT, SET)).stream().map(SigningKey::kid).toList());
        assertNull(inTx(r -> r.keys(OTHER, SET)).get(0).retireAt());
        assertTrue(inTx(r -> r.deleteRetired(NOW)).isEmpty());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
