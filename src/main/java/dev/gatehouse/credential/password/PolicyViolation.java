package dev.gatehouse.credential.password;

import java.util.Map;
import java.util.Objects;

/**
 * Why a password is refused, as an Ory Kratos UI message: the stable numeric {@code id} clients and
 * translations key on, Kratos' English {@code text}, and the {@code context} values the text refers to.
 * Ids and texts are Kratos' own ({@code text/id.go}, {@code text/message_validation.go}; the list is
 * published at <a href="https://www.ory.sh/docs/kratos/concepts/ui-messages">Ory's UI messages</a>).
 */
public record PolicyViolation(long id, String text, Map<String, Object> context) {

    /** {@code ErrorValidationPasswordPolicyViolationGeneric}. */
    public static final long POLICY_VIOLATION = 4_000_005L;
    /** {@code ErrorValidationPasswordIdentifierTooSimilar}. */
    public static final long IDENTIFIER_TOO_SIMILAR = 4_000_031L;
    /** {@code ErrorValidationPasswordMinLength}. */
    public static final long MIN_LENGTH = 4_000_032L;
    /** {@code ErrorValidationPasswordMaxLength}. */
    public static final long MAX_LENGTH = 4_000_033L;
    /** {@code ErrorValidationPasswordTooManyBreaches}. */
    public static final long TOO_MANY_BREACHES = 4_000_034L;

    public PolicyViolation {
        Objects.requireNonNull(text, "text");
        context = Map.copyOf(context);
    }

    /** 4000005: a rule without a message of its own; {@code reason} completes Kratos' sentence. */
    public static PolicyViolation policyViolation(String reason) {
        return new PolicyViolation(POLICY_VIOLATION, "The password can not be used because " + reason + ".",
                Map.of("reason", reason));
    }

    /** 4000031. */
    public static PolicyViolation identifierTooSimilar() {
        return new PolicyViolation(IDENTIFIER_TOO_SIMILAR,
                "The password can not be used because it is too similar to the identifier.", Map.of());
    }

    /** 4000032, lengths in code points. */
    public static PolicyViolation minLength(int minLength, int actualLength) {
        return new PolicyViolation(MIN_LENGTH,
                "The password must be at least " + minLength + " characters long, but got " + actualLength + ".",
                Map.of("min_length", minLength, "actual_length", actualLength));
    }

    /** 4000033, lengths in code points. */
    public static PolicyViolation maxLength(int maxLength, int actualLength) {
        return new PolicyViolation(MAX_LENGTH,
                "The password must be at most " + maxLength + " characters long, but got " + actualLength + ".",
                Map.of("max_length", maxLength, "actual_length", actualLength));
    }

    /** 4000034; {@code breaches} is how many breaches the password is known from (at least 1). */
    public static PolicyViolation tooManyBreaches(long breaches) {
        return new PolicyViolation(TOO_MANY_BREACHES,
                "The password has been found in data breaches and must no longer be used.",
                Map.of("breaches", breaches));
    }
}
