package dev.gatehouse.jwk;

import com.nimbusds.jose.JWSSigner;
import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signing keys and the KEK inside a PKCS#11 token: a real SoftHSM 2 token under {@code target/softhsm}, the JDK's
 * SunPKCS11 provider and the key ring's own logic over an in-memory repository.
 */
class Pkcs11KeysTest {

    private final MovableClock clock = new MovableClock(Instant.now());
    private final InMemoryKeyRepository repository = new InMemoryKeyRepository();
    private final List<SecurityEvent> events = new ArrayList<>();

    @BeforeAll
    static void softHsmInstalled() {
        assumeTrue(SoftHsm.library().isPresent(), "SoftHSM 2 is not installed (apt-get install softhsm2)");
    }

    private static JwkConfig config(String... more) {
        List<String> all = new ArrayList<>(List.of(SoftHsm.token().config()));
        all.addAll(List.of(more));
        return JwkConfigs.of(all.toArray(String[]::new));
    }

    private KeyRing ring(JwkConfig config, Pkcs11Token token) {
        SecurityEvents recorder = new SecurityEvents() {
            @Override
            public void fire(SecurityEvent.Builder builder) {
                events.add(builder.build());
            }
        };
        KeyEncryptionKeys keks = new KeyEncryptionKeys() {
            @Override
            public KeyEncryptionKey current() {
                return TestKeys.KEK;
            }
        };
        return new KeyRing(repository, new Transactions(), config, keks, token, recorder, clock);
    }

    private static boolean verifies(KeyRing ring, TenantId tenant, String jwt, Instant now) {
        return JwsVerification.verify(jwt, ring.verifying(tenant, KeySetName.ACCESS_TOKEN, JwsVerification.kid(jwt)), now).isPresent();
    }

    @Test
    void signerWhenStoreIsPkcs11ThenKeyIsMadeInTheTokenSensitiveAndTheRowHoldsOnlyItsLabel() {
        JwkConfig config = config("gatehouse.jwk.signing-key-store", "pkcs11");
        Pkcs11Token token = new Pkcs11Token(config);
        KeyRing ring = ring(config, token);

        SigningKey key = ring.signer(TestKeys.TENANT, KeySetName.ACCESS_TOKEN);

        PrivatePart.InToken held = assertInstanceOf(PrivatePart.InToken.class, key.privatePart());
        assertFalse(key.publicJwk().isPrivate());
        PrivateKey handle = token.privateKey(held.alias());
        assertNull(handle.getEncoded(), "a sensitive, unextractable token key has no encoding to hand out");
        assertTrue(handle.toString().contains("token object") && handle.toString().contains("sensitive")
                && handle.toString().contains("unextractable"), handle.toString());
        String jwt = TestKeys.sign(key.alg().jws(), key.kid(), ring.jwsSigner(key), TestKeys.claims());
        assertTrue(verifies(ring, TestKeys.TENANT, jwt, clock.instant()), "a token signed inside the token verifies with the published key");
    }

    @Test
    void signWhenEs256InTokenThenVerifiesWithPublishedKey() {
        JwkConfig config = config("gatehouse.jwk.signing-key-store", "pkcs11", "gatehouse.jwk.default-alg", "ES256");
        KeyRing ring = ring(config, new Pkcs11Token(config));

        SigningKey key = ring.signer(TestKeys.TENANT, KeySetName.ACCESS_TOKEN);
        JWSSigner signer = ring.jwsSigner(key);

        assertEquals(SigningAlgorithm.ES256, key.alg());
        assertTrue(verifies(ring, TestKeys.TENANT, TestKeys.sign(key.alg().jws(), key.kid(), signer, TestKeys.claims()), clock.instant()));
    }

    @Test
    void rotationWhenKeysInTokenThenOldKeyVerifiesUntilRetiredAndPurgeDestroysItInTheToken() {
        JwkConfig config = config("gatehouse.jwk.signing-key-store", "pkcs11");
        Pkcs11Token token = new Pkcs11Token(config);
        KeyRing ring = ring(config, token);
        SigningKey old = ring.signer(TestKeys.TENANT, KeySetName.ACCESS_TOKEN);
        String before = TestKeys.sign(old.alg().jws(), old.kid(), ring.jwsSigner(old), TestKeys.claims());

        clock.advance(Duration.ofDays(31));
        SigningKey next = ring.rotateIfDue(TestKeys.TENANT, KeySetName.ACCESS_TOKEN).orElseThrow();
        String after = TestKeys.sign(next.alg().jws(), next.kid(), ring.jwsSigner(next), TestKeys.claims());

        assertNotEquals(old.kid(), next.kid());
        assertInstanceOf(PrivatePart.InToken.class, next.privatePart());
        assertTrue(verifies(ring, TestKeys.TENANT, before, clock.instant()), "the replaced key verifies during the overlap");
        assertTrue(verifies(ring, TestKeys.TENANT, after, clock.instant()));
        String oldAlias = ((PrivatePart.InToken) old.privatePart()).alias();
        assertTrue(token.holds(oldAlias));

        clock.advance(Duration.ofDays(46));
        assertEquals(1, ring.purgeRetired());
        assertFalse(token.holds(oldAlias), "a purged key is destroyed in the token too");
        assertTrue(token.holds(((PrivatePart.InToken) next.privatePart()).alias()));
    }

    @Test
    void createWhenKidTakenThenTheKeyMadeForItIsDestroyedInTheToken() {
        JwkConfig config = config("gatehouse.jwk.signing-key-store", "pkcs11");
        Pkcs11Token token = new Pkcs11Token(config);
        KeyRing ring = ring(config, token);
        TenantId tenant = new TenantId("t-" + UUID.randomUUID().toString().substring(0, 8));
        ring.create(tenant, KeySetName.ACCESS_TOKEN, SigningAlgorithm.ES256, Optional.of("taken"), "admin");
        int before = aliases(token).size();

        assertThrows(KeyRing.DuplicateKeyIdException.class,
                () -> ring.create(tenant, KeySetName.ACCESS_TOKEN, SigningAlgorithm.ES256, Optional.of("taken"), "admin"));

        assertEquals(before, aliases(token).size(), "no orphan key is left in the token");
    }

    @Test
    void signerWhenStoreIsDatabaseThenKeysAreSealedEvenWithATokenConfigured() {
        JwkConfig config = config();
        KeyRing ring = ring(config, new Pkcs11Token(config));

        assertInstanceOf(KeyEncryptionKey.Sealed.class, ring.signer(TestKeys.TENANT, KeySetName.ID_TOKEN).privatePart());
    }

    @Test
    void kekWhenLabelConfiguredThenAesKeyInTheTokenSealsAndOpensAndStaysThere() {
        String label = "kek-" + UUID.randomUUID().toString().substring(0, 8);
        MapConfig mp = JwkConfigs.map(concat(SoftHsm.token().config(), "gatehouse.jwk.kek-pkcs11-label", label));
        JwkConfig config = new JwkConfig(mp);
        Pkcs11Token token = new Pkcs11Token(config);
        KeyEncryptionKey kek = new KeyEncryptionKeys(config, mp, token).current();

        KeyEncryptionKey.Sealed sealed = kek.seal("private".getBytes(StandardCharsets.UTF_8), "row-1");
        KeyEncryptionKey again = new KeyEncryptionKeys(config, mp, new Pkcs11Token(config)).current();

        assertEquals(kek.id(), again.id(), "the same token key is found again by its label");
        assertArrayEquals("private".getBytes(StandardCharsets.UTF_8), again.open(sealed, "row-1"));
        assertThrows(KeyEncryptionKey.UnreadableKeyException.class, () -> again.open(sealed, "row-2"));
        assertNull(token.secretKey(label).getEncoded(), "the KEK cannot be read out of the token");
    }

    @Test
    void configWhenStoreIsPkcs11WithoutLibraryThenStartupRefusedNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> JwkConfigs.of("gatehouse.jwk.signing-key-store", "pkcs11"));

        assertTrue(e.getMessage().contains("gatehouse.jwk.signing-key-store"), e.getMessage());
    }

    private static List<String> aliases(Pkcs11Token token) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS11", token.provider());
            store.load(null, null);
            return java.util.Collections.list(store.aliases());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
