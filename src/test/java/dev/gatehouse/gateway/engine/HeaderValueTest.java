package dev.gatehouse.gateway.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Jürgen Müller", "a\tb", "ÿ", "", "gw_user=guest; theme=dark"})
    void headerValueWhenPrintableLatin1ThenSafe(String value) {
        assertTrue(Enforcement.safeHeaderValue(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"名前", "名字", "Ā", "emoji 😀", "a\r\nX-Admin: yes", "a\nb", "a\u0000b", "a\u007fb"})
    void headerValueWhenControlOrBeyondLatin1ThenRefused(String value) {
        assertFalse(Enforcement.safeHeaderValue(value), value);
    }
}
