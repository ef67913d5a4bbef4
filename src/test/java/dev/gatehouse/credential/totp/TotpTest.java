package dev.gatehouse.credential.totp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 seed, the ASCII bytes of "12345678901234567890". */
    private static final TotpSecret RFC_SEED = TotpSecret.parse("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:15Z");

    private final Totp totp = new Totp();
    private final TotpSecret secret = TotpSecret.generate(new SecureRandom());

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void codeWhenRfc6238Sha1VectorThenSameEightDigits(long unixSeconds, String expected) {
        Totp eightDigits = new Totp(8, "HmacSHA1");
        Instant at = Instant.ofEpochSecond(unixSeconds);

        assertEquals(expected, eightDigits.code(RFC_SEED, Totp.step(at)));
        assertEquals(new TotpResult.Accepted(Totp.step(at)), eightDigits.verify(RFC_SEED, expected, at, OptionalLong.empty()));
    }

    @Test
    void codeWhenSixDigitsThenLastSixOfTheRfcVector() {
        assertEquals("287082", totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59))));
    }

    @Test
    void verifyWhenCodeOfCurrentStepThenAcceptedWithThatStep() {
        long step = Totp.step(NOW);

        assertEquals(new TotpResult.Accepted(step), totp.verify(secret, totp.code(secret, step), NOW, OptionalLong.empty()));
    }

    @Test
    void verifyWhenCodeOneStepEitherSideThenAccepted() {
        long step = Totp.step(NOW);

        assertEquals(new TotpResult.Accepted(step - 1), totp.verify(secret, totp.code(secret, step - 1), NOW, OptionalLong.empty()));
        assertEquals(new TotpResult.Accepted(step + 1), totp.verify(secret, totp.code(secret, step + 1), NOW, OptionalLong.empty()));
    }

    @Test
    void verifyWhenCodeTwoStepsAwayThenWrongCode() {
        long step = Totp.step(NOW);

        assertEquals(new TotpResult.Refused(TotpResult.Reason.WRONG_CODE), totp.verify(secret, totp.code(secret, step - 2), NOW, OptionalLong.empty()));
        assertEquals(new TotpResult.Refused(TotpResult.Reason.WRONG_CODE), totp.verify(secret, totp.code(secret, step + 2), NOW, OptionalLong.empty()));
    }

    @Test
    void verifyWhenAtTheLastMillisecondOfAStepThenWindowFollowsThatStep() {
        Instant lastMilli = Instant.ofEpochSecond(Totp.step(NOW) * 30 + 29).plusMillis(999);
        long step = Totp.step(lastMilli);

        assertEquals(Totp.step(NOW), step);
        assertTrue(totp.matchingStep(secret, totp.code(secret, step + 1), lastMilli).isPresent());
        assertFalse(totp.matchingStep(secret, totp.code(secret, step + 2), lastMilli).isPresent());
        assertEquals(OptionalLong.of(step + 2), totp.matchingStep(secret, totp.code(secret, step + 2), lastMilli.plusMillis(1)));
    }

    @Test
    void verifyWhenSameCodeAgainThenReplayed() {
        String code = totp.code(secret, Totp.step(NOW));
        TotpResult first = totp.verify(secret, code, NOW, OptionalLong.empty());
        long used = ((TotpResult.Accepted) first).step();

        assertEquals(new TotpResult.Refused(TotpResult.Reason.REPLAYED), totp.verify(secret, code, NOW.plusSeconds(20), OptionalLong.of(used)));
    }

    @Test
    void verifyWhenCodeOfAnEarlierStepThanTheLastUsedThenReplayed() {
        long step = Totp.step(NOW);

        assertEquals(new TotpResult.Refused(TotpResult.Reason.REPLAYED), totp.verify(secret, totp.code(secret, step - 1), NOW, OptionalLong.of(step)));
    }

    @Test
    void verifyWhenNextStepAfterTheLastUsedThenAccepted() {
        long step = Totp.step(NOW);

        assertEquals(new TotpResult.Accepted(step + 1), totp.verify(secret, totp.code(secret, step + 1), NOW, OptionalLong.of(step)));
    }

    @Test
    void isReplayWhenStepAtOrBeforeLastUsedThenTrue() {
        assertTrue(Totp.isReplay(10, OptionalLong.of(10)));
        assertTrue(Totp.isReplay(9, OptionalLong.of(10)));
        assertFalse(Totp.isReplay(11, OptionalLong.of(10)));
        assertFalse(Totp.isReplay(11, OptionalLong.empty()));
    }

    @ParameterizedTest
    @CsvSource(value = {"12345", "1234567", "12345a", "' 12345'", "１２３４５６", "NULL"}, nullValues = "NULL")
    void verifyWhenNotSixAsciiDigitsThenMalformed(String presented) {
        assertEquals(new TotpResult.Refused(TotpResult.Reason.MALFORMED), totp.verify(secret, presented, NOW, OptionalLong.empty()));
    }

    @Test
    void verifyWhenCodeOfAnotherSecretThenWrongCode() {
        TotpSecret other = TotpSecret.parse("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        String code = totp.code(other, Totp.step(NOW));

        assertEquals(new TotpResult.Refused(TotpResult.Reason.WRONG_CODE), totp.verify(RFC_SEED, code, NOW, OptionalLong.empty()));
    }
}
