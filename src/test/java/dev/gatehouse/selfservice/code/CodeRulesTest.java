package dev.gatehouse.selfservice.code;

import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeRulesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final UUID FLOW = UUID.randomUUID();

    private static OneTimeCode code(int attempts, Instant expiresAt, Instant usedAt, Instant createdAt, IdentityId identity) {
        return new OneTimeCode(UUID.randomUUID(), new TenantId("default"), FLOW, CodePurpose.RECOVERY, "a@example.test",
                "hash", identity, attempts, expiresAt, usedAt, createdAt);
    }

    private static OneTimeCode current(int attempts) {
        return code(attempts, NOW.plusSeconds(600), null, NOW.minusSeconds(60), IdentityId.random());
    }

    @Test
    void generateWhenCalledThenSixDigitsWithLeadingZerosKept() {
        Random fixed = new Random() {
            @Override
            public int nextInt(int bound) {
                return 42;
            }
        };
        assertEquals("000042", CodeRules.generate(fixed));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String c = CodeRules.generate(new java.security.SecureRandom());
            assertTrue(CodeRules.isWellFormed(c), c);
            seen.add(c);
        }
        assertTrue(seen.size() > 190, "codes are random");
    }

    @Test
    void isWellFormedWhenNotSixDigitsThenFalse() {
        for (String bad : new String[] {null, "", "12345", "1234567", "12345a", " 123456", "١٢٣٤٥٦"}) {
            assertFalse(CodeRules.isWellFormed(bad), String.valueOf(bad));
        }
    }

    @Test
    void hashInputWhenOtherFlowThenDifferent() {
        assertNotEquals(CodeRules.hashInput(FLOW, "123456"), CodeRules.hashInput(UUID.randomUUID(), "123456"));
        assertNotEquals(CodeRules.hashInput(FLOW, "123456"), CodeRules.hashInput(FLOW, "123457"));
    }

    @Test
    void judgeWhenCurrentCodeMatchesAndUnexpiredThenAccepted() {
        assertEquals(CodeRules.Verdict.ACCEPTED, CodeRules.judge(List.of(current(0)), true, NOW, 5));
    }

    @Test
    void judgeWhenWrongExpiredOrUnknownAddressThenRefused() {
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(current(0)), false, NOW, 5));
        OneTimeCode expired = code(0, NOW, null, NOW.minusSeconds(900), IdentityId.random());
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(expired), true, NOW, 5));
        OneTimeCode unknownAddress = code(0, NOW.plusSeconds(600), null, NOW, null);
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(unknownAddress), true, NOW, 5));
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(), true, NOW, 5));
    }

    @Test
    void judgeWhenTriesUsedUpOverAllCodesOfTheFlowThenExhaustedEvenForTheRightCode() {
        OneTimeCode replaced = code(3, NOW.plusSeconds(600), NOW.minusSeconds(10), NOW.minusSeconds(120), IdentityId.random());
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(current(1), replaced), false, NOW, 5));
        assertEquals(CodeRules.Verdict.EXHAUSTED, CodeRules.judge(List.of(current(2), replaced), true, NOW, 5));
    }

    @Test
    void currentWhenReplacedThenOnlyTheNewestUnusedCounts() {
        OneTimeCode old = code(0, NOW.plusSeconds(600), NOW.minusSeconds(5), NOW.minusSeconds(100), IdentityId.random());
        OneTimeCode fresh = current(0);
        assertEquals(fresh, CodeRules.current(List.of(fresh, old)));
        assertNull(CodeRules.current(List.of(old)));
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(old), true, NOW, 5), "a replaced code no longer works");
    }

    @Test
    void mayResendWhenLastCodeToTheAddressIsRecentThenNo() {
        List<OneTimeCode> sent = List.of(code(0, NOW.plusSeconds(600), null, NOW.minusSeconds(10), null));
        assertFalse(CodeRules.mayResend(sent, "A@example.test", NOW, Duration.ofSeconds(30)));
        assertTrue(CodeRules.mayResend(sent, "b@example.test", NOW, Duration.ofSeconds(30)));
        assertTrue(CodeRules.mayResend(sent, "a@example.test", NOW.plusSeconds(25), Duration.ofSeconds(30)));
        assertTrue(CodeRules.mayResend(List.of(), "a@example.test", NOW, Duration.ofSeconds(30)));
    }

    @Test
    void judgeWhenSignUpCodeWithoutIdentityThenAcceptedButOtherPurposesRefused() {
        OneTimeCode signUp = new OneTimeCode(UUID.randomUUID(), new TenantId("default"), FLOW, CodePurpose.REGISTRATION,
                "a@example.test", "hash", null, 0, NOW.plusSeconds(600), null, NOW.minusSeconds(60), null, "{}");
        OneTimeCode unknownLogin = new OneTimeCode(UUID.randomUUID(), new TenantId("default"), FLOW, CodePurpose.LOGIN,
                "a@example.test", "hash", null, 0, NOW.plusSeconds(600), null, NOW.minusSeconds(60), "link", null);

        assertEquals(CodeRules.Verdict.ACCEPTED, CodeRules.judge(List.of(signUp), true, NOW, 5));
        assertEquals(CodeRules.Verdict.REFUSED, CodeRules.judge(List.of(unknownLogin), true, NOW, 5));
    }

    @Test
    void linkHashInputWhenOtherFlowOrTokenThenDifferentAndNeverTheCodeInput() {
        UUID other = UUID.randomUUID();

        assertNotEquals(CodeRules.linkHashInput(FLOW, "t"), CodeRules.linkHashInput(other, "t"));
        assertNotEquals(CodeRules.linkHashInput(FLOW, "t"), CodeRules.linkHashInput(FLOW, "u"));
        assertNotEquals(CodeRules.linkHashInput(FLOW, "123456"), CodeRules.hashInput(FLOW, "123456"));
    }
}
