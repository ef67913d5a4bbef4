package dev.gatehouse.jwk;

import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final KeySetName SET = KeySetName.ID_TOKEN;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryKeyRepository repository = new InMemoryKeyRepository();
    private final List<SecurityEvent> events = new ArrayList<>();
    private final KeyRing ring = ring(JwkConfigs.of("gatehouse.jwk.default-alg", "ES256"));

    private KeyRing ring(JwkConfig config) {
        KeyEncryptionKeys keks = new KeyEncryptionKeys() {
            @Override
            public KeyEncryptionKey current() {
                return TestKeys.KEK;
            }
        };
        SecurityEvents recorder = new SecurityEvents() {
            @Override
            public void fire(SecurityEvent.Builder builder) {
                events.add(builder.build());
            }
        };
        return new KeyRing(repository, new Transactions(), config, keks, new Pkcs11Token(config), recorder, clock);
    }

    private String sign(SigningKey key) {
        return TestKeys.sign(key.alg().jws(), key.kid(), ring.jwsSigner(key), TestKeys.claims());
    }

    private boolean verifies(TenantId tenant, String jwt) {
        return JwsVerification.verify(jwt, ring.verifying(tenant, SET, JwsVerification.kid(jwt)), clock.instant()).isPresent();
    }

    @Test
    void signerWhenSetEmptyThenCreatesOneKeyOfDefaultAlgorithmOnce() {
        SigningKey first = ring.signer(ACME, SET);
        SigningKey again = ring.signer(ACME, SET);

        assertEquals(first.kid(), again.kid());
        assertEquals(SigningAlgorithm.ES256, first.alg());
        assertEquals(1, repository.size());
        assertEquals(List.of(SecurityEventType.KEY_CREATED), events.stream().map(SecurityEvent::type).toList());
    }

    @Test
    void signerWhenManyThreadsRaceOnEmptySetThenExactlyOneKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> kids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            kids.add(pool.submit(() -> {
                start.await();
                return ring(JwkConfigs.of()).signer(ACME, SET).kid(); // a ring per "node", one database
            }));
        }
        start.countDown();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Future<String> f : kids) {
            seen.add(f.get());
        }
        pool.shutdown();

        assertEquals(1, seen.size());
        assertEquals(1, repository.size());
    }

    @Test
    void privateKeyWhenStoredThenOnlyCiphertextAndPublicJwkHasNoPrivateParts() throws Exception {
        SigningKey key = ring.signer(ACME, SET);

        assertTrue(!key.publicJwk().isPrivate());
        KeyEncryptionKey.Sealed sealed = (KeyEncryptionKey.Sealed) key.privatePart();
        assertTrue(com.nimbusds.jose.jwk.JWK.parse(new String(TestKeys.KEK.open(sealed, key.associatedData()),
                java.nio.charset.StandardCharsets.UTF_8)).isPrivate());
        assertTrue(!sealed.ciphertext().contains("\"d\""));
    }

    @Test
    void rotateWhenNotDueThenNothingChanges() {
        ring.signer(ACME, SET);
        clock.advance(Duration.ofDays(29));

        assertTrue(ring.rotateIfDue(ACME, SET).isEmpty());
        assertEquals(1, repository.size());
    }

    @Test
    void rotateWhenDueThenNewKeySignsAndOldVerifiesUntilRetirement() {
        SigningKey old = ring.signer(ACME, SET);
        String signedBefore = sign(old);
        clock.advance(Duration.ofDays(30));

        SigningKey next = ring.rotateIfDue(ACME, SET).orElseThrow();

        assertNotEquals(old.kid(), next.kid());
        assertEquals(old.alg(), next.alg(), "rotation keeps the set's algorithm");
        assertEquals(next.kid(), ring.signer(ACME, SET).kid(), "the new key signs from now on");
        assertTrue(verifies(ACME, signedBefore), "tokens signed before the rotation still verify");
        assertTrue(verifies(ACME, sign(next)));
        assertTrue(events.stream().anyMatch(e -> e.type() == SecurityEventType.KEY_ROTATED
                && next.kid().equals(e.details().get("kid"))));

        clock.advance(Duration.ofDays(45).minusSeconds(1));
        assertTrue(verifies(ACME, signedBefore));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(!verifies(ACME, signedBefore), "retired: no longer verifies");
        assertEquals(List.of(next.kid()), ring.verifying(ACME, SET).stream().map(SigningKey::kid).toList());
    }

    @Test
    void reportIfRetiredWhenTokenNamesKeyPastRetirementThenFailureEventForAlerting() {
        SigningKey old = ring.signer(ACME, SET);
        String oldToken = sign(old);
        clock.advance(Duration.ofDays(30));
        SigningKey next = ring.rotateIfDue(ACME, SET).orElseThrow();

        assertFalse(ring.reportIfRetired(ACME, SET, old.kid(), oldToken), "during the overlap the replaced key still verifies");
        clock.advance(Duration.ofDays(45));
        assertFalse(verifies(ACME, oldToken));
        String forged = oldToken.substring(0, oldToken.lastIndexOf('.') + 1) + "AAAA";
        assertFalse(ring.reportIfRetired(ACME, SET, old.kid(), forged), "a header naming the retired key is no proof of its use");
        assertTrue(ring.reportIfRetired(ACME, SET, old.kid(), oldToken));
        assertTrue(ring.reportIfRetired(ACME, SET, old.kid(), oldToken), "recognised again, but reported once a minute");
        assertFalse(ring.reportIfRetired(ACME, SET, next.kid(), oldToken));
        assertFalse(ring.reportIfRetired(ACME, SET, "never-was", oldToken));

        List<SecurityEvent> alerts = events.stream().filter(e -> e.type() == SecurityEventType.KEY_RETIRED_USED).toList();
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(Outcome.FAILURE, alerts.get(0).outcome());
        assertEquals(old.kid(), alerts.get(0).details().get("kid"));
        assertEquals("acme", alerts.get(0).tenant());
    }

    @Test
    void rotateWhenTwoNodesCheckAtOnceThenOnlyOneRotates() {
        ring.signer(ACME, SET);
        clock.advance(Duration.ofDays(31));
        KeyRing otherNode = ring(JwkConfigs.of());

        Optional<SigningKey> a = ring.rotateIfDue(ACME, SET);
        Optional<SigningKey> b = otherNode.rotateIfDue(ACME, SET);

        assertTrue(a.isPresent() ^ b.isPresent());
        assertEquals(2, repository.size());
    }

    @Test
    void purgeWhenRetirementPassedThenKeyDeletedWithEvent() {
        ring.signer(ACME, SET);
        clock.advance(Duration.ofDays(30));
        ring.rotateIfDue(ACME, SET);
        clock.advance(Duration.ofDays(46));

        assertEquals(1, ring.purgeRetired());
        assertEquals(1, repository.size());
        assertTrue(events.stream().anyMatch(e -> e.type() == SecurityEventType.KEY_DELETED && "retired".equals(e.details().get("reason"))));
    }

    @Test
    void createWhenAdminAddsKeyThenItSignsAndPreviousRetiresLater() {
        SigningKey old = ring.signer(ACME, SET);

        SigningKey added = ring.create(ACME, SET, SigningAlgorithm.RS256, Optional.of("my-kid"), "admin-api-key");

        assertEquals("my-kid", ring.signer(ACME, SET).kid());
        SigningKey oldNow = ring.verifying(ACME, SET).stream().filter(k -> k.kid().equals(old.kid())).findFirst().orElseThrow();
        assertEquals(clock.instant().plus(Duration.ofDays(45)), oldNow.retireAt());
        assertNull(added.retireAt());
    }

    @Test
    void createWhenKidTakenThenRefusedAndNothingWritten() {
        ring.create(ACME, SET, SigningAlgorithm.RS256, Optional.of("dup"), "admin");
        int before = repository.size();

        assertThrows(KeyRing.DuplicateKeyIdException.class,
                () -> ring.create(ACME, SET, SigningAlgorithm.ES256, Optional.of("dup"), "admin"));
        assertEquals(before, repository.size());
        assertNull(ring.signer(ACME, SET).retireAt());
    }

    @Test
    void verifyWhenTokenOfAnotherTenantThenRefused() {
        String globexToken = sign(ring.signer(GLOBEX, SET));
        ring.signer(ACME, SET);

        assertTrue(!verifies(ACME, globexToken));
        assertTrue(verifies(GLOBEX, globexToken));
    }

    @Test
    void verifyWhenKeyCreatedByAnotherNodeThenFoundDespiteCache() {
        ring.signer(ACME, SET);
        KeyRing otherNode = ring(JwkConfigs.of());
        clock.advance(Duration.ofSeconds(2));
        SigningKey fresh = otherNode.create(ACME, SET, SigningAlgorithm.RS256, Optional.empty(), "admin");

        assertTrue(verifies(ACME, sign(fresh)));
    }

    @Test
    void verifyWhenRandomKidsThenSetReadAtMostOncePerSecond() {
        ring.signer(ACME, SET);
        clock.advance(Duration.ofSeconds(2));
        int before = repository.loads;
        for (int i = 0; i < 50; i++) {
            ring.verifying(ACME, SET, Optional.of("random-" + i));
        }

        assertTrue(repository.loads - before <= 1, "loads: " + (repository.loads - before));
    }

    @Test
    void deleteSetWhenDeletedThenNextSignatureCreatesFreshKey() {
        SigningKey old = ring.signer(ACME, SET);

        assertEquals(1, ring.deleteSet(ACME, SET, "admin").size());
        assertTrue(ring.verifying(ACME, SET).isEmpty());
        assertNotEquals(old.kid(), ring.signer(ACME, SET).kid());
    }

    @Test
    void privateKeyWhenUnderOtherKekThenClearError() {
        SigningKey key = ring.signer(ACME, SET);
        KeyEncryptionKey otherKek = new KeyEncryptionKey(TestKeys.random32());
        KeyRing misconfigured = new KeyRing(repository, new Transactions(), JwkConfigs.of(), new KeyEncryptionKeys() {
            @Override
            public KeyEncryptionKey current() {
                return otherKek;
            }
        }, new Pkcs11Token(JwkConfigs.of()), new SecurityEvents() {
            @Override
            public void fire(SecurityEvent.Builder builder) {
            }
        }, clock);

        KeyEncryptionKey.UnreadableKeyException e = assertThrows(KeyEncryptionKey.UnreadableKeyException.class,
                () -> misconfigured.jwsSigner(key));
        assertTrue(e.getMessage().contains("gatehouse.jwk.kek"), e.getMessage());
    }
}
