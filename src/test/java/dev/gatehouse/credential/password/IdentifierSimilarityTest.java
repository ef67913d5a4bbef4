package dev.gatehouse.credential.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentifierSimilarityTest {

    /** The identifier cases of Kratos' {@code TestDefaultPasswordValidationStrategy} (validator_test.go). */
    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "l3f9toh1uaf81n21|l3f9toh1uaf81n21|true",
            "hello@example.com|hello@example.com12345|true",
            "hello@example.com|123hello@example.com123|true",
            "hello@example.com|hello@exam|true",
            "hello@example.com|HELLO@EXAMPLE.COM|true",
            "hello@example.com|HELLO@example.com|true",
            "hello@exam|hello@example.com|true",
            "hello@example.com|h3ll0@example|true",
            "abcd|9d3c8a1b|false",
            "a|kjOkla|false",
            "ab|0000ab0000|false",
            "d4f6090b-5a84|d4f6090b-5a84-2184-4404-8d1b-8da3eb00ebbe|false",
            "asdflasdflasdf|asdflasdflpiuhefnciluaksdzuföfhg|false",
    })
    void tooSimilarWhenKratosCasesThenKratosAnswers(String identifier, String password, boolean expected) {
        assertEquals(expected, IdentifierSimilarity.tooSimilar(identifier, password));
    }

    @Test
    void tooSimilarWhenEitherEmptyThenFalse() {
        assertEquals(false, IdentifierSimilarity.tooSimilar("", "anything"));
        assertEquals(false, IdentifierSimilarity.tooSimilar("alice", ""));
    }

    @Test
    void levenshteinWhenClassicExampleThenThree() {
        assertEquals(3, IdentifierSimilarity.levenshtein("kitten".codePoints().toArray(), "sitting".codePoints().toArray()));
    }

    @Test
    void longestCommonSubstringWhenRunInTheMiddleThenItsLength() {
        assertEquals(4, IdentifierSimilarity.longestCommonSubstring("xabcdy".codePoints().toArray(),
                "zzabcdw".codePoints().toArray()));
    }
}
