package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordConfigTest {

    /** OWASP Password Storage Cheat Sheet: Argon2id with at least m=19456 KiB, t=2, p=1 (or equal work). */
    private static final long OWASP_MINIMUM_KIB_PASSES = 19_456L * 2;

    @Test
    void constructorWhenShippedDefaultsThenArgon2idAtLeastOwaspMinimumAndKratosLikePolicy() {
        PasswordConfig config = PasswordConfigs.defaults();

        assertEquals("password", config.capability());
        assertTrue(config.argon2MemoryKib() >= 19_456, "memory " + config.argon2MemoryKib());
        assertTrue((long) config.argon2MemoryKib() * config.argon2Iterations() >= OWASP_MINIMUM_KIB_PASSES);
        assertTrue(config.argon2Parallelism() >= 1);
        assertEquals(8, config.minLength());
        assertEquals(128, config.maxLength());
        assertTrue(config.identifierSimilarity());
        assertTrue(config.breachedCheck());
    }

    @ParameterizedTest
    @CsvSource({
            // below 8 KiB per lane
            "argon2.memory-kib, 16, argon2.parallelism, 4, argon2.memory-kib",
            // more than PhcHash would verify
            "argon2.memory-kib, 1048576, argon2.iterations, 1, argon2.memory-kib",
            "argon2.iterations, 21, argon2.parallelism, 1, argon2.iterations",
            "min-length, 12, max-length, 10, max-length",
    })
    void constructorWhenValueOutOfBoundsThenInvalidNamingTheKey(String key, String value, String otherKey,
                                                                String otherValue, String expectedKey) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> PasswordConfigs.fast(key, value, otherKey, otherValue));

        assertEquals("gatehouse.password." + expectedKey, e.key());
    }

    @Test
    void constructorWhenKeyMissingThenInvalidNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new PasswordConfig(MapConfig.of()));

        assertTrue(e.getMessage().startsWith("Invalid configuration: gatehouse.password."), e.getMessage());
    }
}
