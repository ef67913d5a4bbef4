package dev.gatehouse.credential.password;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    private static final List<String> ALICE = List.of("alice@example.com", "alice");

    private final PasswordPolicy policy = new PasswordPolicy(PasswordConfigs.fast());

    @Test
    void checkWhenGoodPassphraseThenAcceptable() {
        assertEquals(List.of(), policy.check("tangerine orbit lullaby 41", ALICE));
    }

    @Test
    void checkWhenShorterThanMinimumThenMinLengthWithLengths() {
        List<PolicyViolation> violations = policy.check("x7#kQ2", ALICE);

        assertEquals(List.of(PolicyViolation.minLength(8, 6)), violations);
        assertEquals(Map.of("min_length", 8, "actual_length", 6), violations.get(0).context());
    }

    @Test
    void checkWhenLongerThanMaximumThenOnlyMaxLength() {
        String tooLong = "alice@example.com".repeat(8);

        assertEquals(List.of(PolicyViolation.maxLength(128, 136)), policy.check(tooLong, ALICE));
    }

    @Test
    void checkWhenLengthThenCountsCodePointsNotUtf16Units() {
        String eightEmoji = "🦊🌲🚲🎻🧭🪁🍄🛶";

        assertEquals(16, eightEmoji.length());
        assertEquals(List.of(), policy.check(eightEmoji, ALICE));
        assertEquals(List.of(PolicyViolation.maxLength(4, 8)),
                new PasswordPolicy(PasswordConfigs.fast("min-length", "1", "max-length", "4")).check(eightEmoji, ALICE));
    }

    @Test
    void checkWhenSimilarToEmailIdentifierThenTooSimilar() {
        assertEquals(List.of(PolicyViolation.identifierTooSimilar()), policy.check("Alice@Example.com!!", ALICE));
    }

    @Test
    void checkWhenOnCommonListThenFoundInBreaches() {
        assertEquals(List.of(PolicyViolation.tooManyBreaches(1)), policy.check("password123", ALICE));
        assertEquals(List.of(PolicyViolation.tooManyBreaches(1)), policy.check("PASSWORD123", ALICE));
    }

    @Test
    void checkWhenCommonAndShortThenOnlyTheLengthToFix() {
        assertEquals(List.of(PolicyViolation.minLength(8, 6)), policy.check("qwerty", ALICE));
        assertEquals(List.of(PolicyViolation.tooManyBreaches(1)),
                new PasswordPolicy(PasswordConfigs.fast("min-length", "6")).check("qwerty", ALICE));
    }

    @Test
    void checkWhenSimilarAndCommonThenBoth() {
        assertEquals(List.of(PolicyViolation.identifierTooSimilar(), PolicyViolation.tooManyBreaches(1)),
                policy.check("football", List.of("football1")));
    }

    @Test
    void checkWhenRulesDisabledThenNotApplied() {
        PasswordPolicy lenient = new PasswordPolicy(
                PasswordConfigs.fast("identifier-similarity", "false", "breached-check", "false"));

        assertEquals(List.of(), lenient.check("alice@example.com", ALICE));
        assertEquals(List.of(), lenient.check("password123", ALICE));
    }

    @Test
    void checkWhenIdentifiersEmptyOrMissingThenOnlyOtherRules() {
        assertEquals(List.of(), policy.check("tangerine orbit lullaby 41", List.of()));
        assertEquals(List.of(), policy.check("tangerine orbit lullaby 41", Arrays.asList("", null)));
    }
}
