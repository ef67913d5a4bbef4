package dev.gatehouse.credential.password;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Golden values: the examples of Ory's UI message reference (ory/docs, docs/kratos/concepts/messages.json). */
class PolicyViolationTest {

    @Test
    void policyViolationWhenReasonThenKratos4000005() {
        assertEquals(new PolicyViolation(4000005, "The password can not be used because {reason}.",
                Map.of("reason", "{reason}")), PolicyViolation.policyViolation("{reason}"));
    }

    @Test
    void identifierTooSimilarThenKratos4000031WithoutContext() {
        assertEquals(new PolicyViolation(4000031,
                "The password can not be used because it is too similar to the identifier.", Map.of()),
                PolicyViolation.identifierTooSimilar());
    }

    @Test
    void minLengthThenKratos4000032WithLengths() {
        assertEquals(new PolicyViolation(4000032, "The password must be at least 6 characters long, but got 5.",
                Map.of("min_length", 6, "actual_length", 5)), PolicyViolation.minLength(6, 5));
    }

    @Test
    void maxLengthThenKratos4000033WithLengths() {
        assertEquals(new PolicyViolation(4000033, "The password must be at most 72 characters long, but got 80.",
                Map.of("max_length", 72, "actual_length", 80)), PolicyViolation.maxLength(72, 80));
    }

    @Test
    void tooManyBreachesThenKratos4000034WithBreaches() {
        assertEquals(new PolicyViolation(4000034, "The password has been found in data breaches and must no longer be used.",
                Map.of("breaches", 101L)), PolicyViolation.tooManyBreaches(101));
    }

    @Test
    void constructorWhenContextChangedAfterwardsThenViolationUnchanged() {
        Map<String, Object> context = new HashMap<>(Map.of("reason", "x"));
        PolicyViolation violation = new PolicyViolation(4000005, "text", context);

        context.put("reason", "y");

        assertEquals("x", violation.context().get("reason"));
        assertThrows(UnsupportedOperationException.class, () -> violation.context().put("other", 1));
    }
}
