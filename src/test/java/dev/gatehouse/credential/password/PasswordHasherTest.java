package dev.gatehouse.credential.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private static final Pattern CURRENT_FAST = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    private final PasswordHasher hasher = new PasswordHasher(PasswordConfigs.fast());

    @Test
    void hashWhenCalledThenArgon2idPhcStringWithCurrentParametersSixteenByteSaltAndThirtyTwoByteHash() {
        String hash = hasher.hash("correct horse battery staple");

        assertTrue(CURRENT_FAST.matcher(hash).matches(), hash);
    }

    @Test
    void hashWhenSamePasswordTwiceThenDifferentSalts() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void verifyWhenHashedHereThenTrueForThePasswordAndFalseForAnyOther() {
        String hash = hasher.hash("Grüße aus Köln 🎉");

        assertTrue(hasher.verify("Grüße aus Köln 🎉", hash));
        assertFalse(hasher.verify("Grusse aus Koln 🎉", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void verifyWhenHashUnparsableThenInvalidPasswordHash() {
        assertThrows(InvalidPasswordHashException.class, () -> hasher.verify("password", "{SSHA}abcdef"));
    }

    @Test
    void hashWhenShippedDefaultsThenArgon2idWithThem() {
        PasswordConfig defaults = PasswordConfigs.defaults();
        PasswordHasher withDefaults = new PasswordHasher(defaults);

        String hash = withDefaults.hash("a passphrase for the defaults");

        assertTrue(hash.startsWith("$argon2id$v=19$m=" + defaults.argon2MemoryKib() + ",t=" + defaults.argon2Iterations()
                + ",p=" + defaults.argon2Parallelism() + "$"), hash);
        assertFalse(withDefaults.needsRehash(hash));
    }

    @Test
    void needsRehashWhenArgon2idWithCurrentParametersThenFalse() {
        assertFalse(hasher.needsRehash(hasher.hash("password")));
    }

    @Test
    void needsRehashWhenArgon2idWithOtherMemoryOrIterationsOrLanesThenTrue() {
        String hash = hasher.hash("password");

        assertTrue(new PasswordHasher(PasswordConfigs.fast("argon2.memory-kib", "128")).needsRehash(hash));
        assertTrue(new PasswordHasher(PasswordConfigs.fast("argon2.iterations", "2")).needsRehash(hash));
        assertTrue(new PasswordHasher(PasswordConfigs.fast("argon2.parallelism", "2")).needsRehash(hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$MNzk5BtR2vUhrp6qQEjRNw",
            "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
            "$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI",
    })
    void needsRehashWhenOtherTypeSaltSizeHashSizeOrAlgorithmThenTrue(String encoded) {
        assertTrue(hasher.needsRehash(encoded));
    }

    @Test
    void needsRehashWhenUnparsableThenInvalidPasswordHash() {
        assertThrows(InvalidPasswordHashException.class, () -> hasher.needsRehash("plain text"));
    }

    @Test
    void burnWhenAnyPasswordThenReturnsWithoutRevealingAnything() {
        assertDoesNotThrow(() -> hasher.burn("whatever the attacker typed"));
        assertDoesNotThrow(() -> hasher.burn(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm",
            "$pbkdf2-sha512$i=100000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPwc",
    })
    void isSupportedWhenVerifiableFormatThenTrue(String encoded) {
        assertTrue(PasswordHasher.isSupported(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5f4dcc3b5aa765d61d8327deb882cf99", "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",
            "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"})
    void isSupportedWhenUnknownMalformedOrHostileThenFalse(String encoded) {
        assertFalse(PasswordHasher.isSupported(encoded));
    }

    @Test
    void isSupportedWhenNullThenFalse() {
        assertFalse(PasswordHasher.isSupported(null));
    }
}
