package dev.gatehouse.credential.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommonPasswordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456", "password", "qwerty", "password123", "PassWord123", "QWERTY", "letmein"})
    void containsWhenOnTheListInAnyCaseThenTrue(String password) {
        assertTrue(CommonPasswords.contains(password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tangerine-orbit-lullaby-41", "password123!", " password"})
    void containsWhenNotExactlyOnTheListThenFalse(String password) {
        assertFalse(CommonPasswords.contains(password));
    }

    @Test
    void loadWhenNbvcxzListThenAboutAHundredThousandDistinctPasswords() {
        int size = CommonPasswords.load(CommonPasswords.class.getClassLoader(), CommonPasswords.RESOURCE).size();

        assertTrue(size > 95_000 && size <= 100_002, "size " + size);
    }

    @Test
    void loadWhenResourceMissingThenFailsLoudlyNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CommonPasswords.load(CommonPasswords.class.getClassLoader(), "dictionaries/no-such-list.txt"));

        assertTrue(e.getMessage().contains("dictionaries/no-such-list.txt"), e.getMessage());
    }
}
