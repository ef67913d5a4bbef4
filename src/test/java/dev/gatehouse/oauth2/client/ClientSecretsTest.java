package dev.gatehouse.oauth2.client;

import dev.gatehouse.credential.adapter.PasswordSlowHash;
import dev.gatehouse.credential.password.PasswordConfigs;
import dev.gatehouse.credential.password.PasswordHasher;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How client secrets are stored (HMAC or argon2id, by length) and checked in constant time. */
class ClientSecretsTest {

    static final String SHORT = "secret7";
    static final String LONG = "a-generated-looking-secret-0123456789-abcdef";

    /** Counts the argon2id computations, so a test can tell the slow path from the fast one without timing. */
    private final AtomicInteger argon2 = new AtomicInteger();
    private final ClientSecrets secrets = new ClientSecrets(TestClients.hasher(), new PasswordSlowHash(
            new PasswordHasher(PasswordConfigs.fast()) {
                @Override
                public boolean verify(String password, String encodedHash) {
                    argon2.incrementAndGet();
                    return super.verify(password, encodedHash);
                }
            }));

    @Test
    void hashWhenSecretShorterThan32ThenArgon2idPhcElseHexHmac() {
        String slow = secrets.hash(SHORT);
        String fast = secrets.hash(LONG);

        assertTrue(slow.startsWith("$argon2id$v=19$"), slow);
        assertTrue(ClientSecrets.isSlowHash(slow));
        assertEquals(TestClients.hasher().hash(LONG), fast);
        assertFalse(ClientSecrets.isSlowHash(fast));
        assertTrue(secrets.hash("x".repeat(31)).startsWith("$argon2id$"));
        assertFalse(secrets.hash("x".repeat(32)).startsWith("$"));
    }

    @Test
    void matchesWhenSameSecretThenTrueElseFalseForBothKinds() {
        Optional<String> slow = Optional.of(secrets.hash(SHORT));
        Optional<String> fast = Optional.of(secrets.hash(LONG));

        assertTrue(secrets.matches(SHORT, slow));
        assertFalse(secrets.matches("secret8", slow));
        assertFalse(secrets.matches(SHORT + "x", slow));
        assertTrue(secrets.matches(LONG, fast));
        assertFalse(secrets.matches(LONG + "x", fast));
    }

    @Test
    void matchesWhenPresentedLengthDoesNotFitTheStoredKindThenFalse() {
        assertFalse(secrets.matches("x".repeat(40), Optional.of(secrets.hash(SHORT))));
        assertFalse(secrets.matches(SHORT, Optional.of(secrets.hash(LONG))));
    }

    @Test
    void matchesWhenShortSecretThenOneArgon2idComputationWhetherTheClientExistsOrNot() {
        secrets.matches(SHORT, Optional.empty());
        secrets.matches(SHORT, Optional.of(secrets.hash(LONG)));
        secrets.matches(SHORT, Optional.of(secrets.hash(SHORT)));

        assertEquals(3, argon2.get(), "an unknown client costs as much as a known one");
    }

    @Test
    void matchesWhenLongSecretThenNoArgon2idEvenAgainstASlowHashOrNothing() {
        assertFalse(secrets.matches(LONG, Optional.empty()));
        assertFalse(secrets.matches(LONG, Optional.of(secrets.hash(SHORT))));
        assertTrue(secrets.matches(LONG, Optional.of(secrets.hash(LONG))));

        assertEquals(0, argon2.get(), "clients with generated secrets stay on the fast path");
    }
}
