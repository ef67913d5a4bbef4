package dev.gatehouse.credential.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Checks TOTP codes (<a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>) with the parameters every
 * authenticator app supports and Ory Kratos uses: HMAC-SHA-1, six digits, 30-second steps. A code is accepted for
 * the current step and one step either side (<a href="https://www.rfc-editor.org/rfc/rfc6238#section-5.2">section
 * 5.2</a>'s allowance for clock drift and typing time), and {@link #verify} returns the step it matched so the
 * caller can store it: a code for that step or an earlier one is then refused
 * (<a href="https://www.rfc-editor.org/rfc/rfc6238#section-5.2">"the verifier MUST NOT accept the second attempt
 * of the same OTP"</a>). Every step in the window is computed and compared in constant time, whatever matched.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final Duration PERIOD = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private final TimeBasedOneTimePasswordGenerator generator;
    private final int digits;

    /** Six digits, HMAC-SHA-1, 30 seconds. */
    public Totp() {
        this(DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    /** Other lengths (6 to 8) and HMACs, for the RFC 6238 test vectors and imported credentials. */
    Totp(int digits, String hmacAlgorithm) {
        this.generator = new TimeBasedOneTimePasswordGenerator(PERIOD, digits, hmacAlgorithm);
        this.digits = digits;
    }

    /** The time step that {@code at} falls in: whole periods since the Unix epoch. */
    public static long step(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), PERIOD.toMillis());
    }

    /** The code for {@code step}, zero-padded to the configured length. */
    public String code(TotpSecret secret, long step) {
        try {
            return generator.generateOneTimePasswordString(secret.key(), Instant.ofEpochMilli(step * PERIOD.toMillis()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret unusable as an HMAC key", e);
        }
    }

    /**
     * The step within {@link #WINDOW} of {@code now} whose code is {@code presented}, or empty. When two steps
     * share the code, the earliest is returned.
     */
    public OptionalLong matchingStep(TotpSecret secret, String presented, Instant now) {
        return match(secret, presented, now, OptionalLong.empty()).step;
    }

    /**
     * Checks {@code presented} at {@code now} for a credential whose last accepted code was for
     * {@code lastUsedStep} (empty if none yet). A code that matches only steps at or before the last used one is
     * {@link TotpResult.Reason#REPLAYED}.
     */
    public TotpResult verify(TotpSecret secret, String presented, Instant now, OptionalLong lastUsedStep) {
        if (!wellFormed(presented)) {
            return new TotpResult.Refused(TotpResult.Reason.MALFORMED);
        }
        Match m = match(secret, presented, now, lastUsedStep);
        if (m.step.isPresent()) {
            return new TotpResult.Accepted(m.step.getAsLong());
        }
        return new TotpResult.Refused(m.replayed ? TotpResult.Reason.REPLAYED : TotpResult.Reason.WRONG_CODE);
    }

    /** Whether a code for {@code step} must be refused because {@code lastUsedStep} is at or after it. */
    public static boolean isReplay(long step, OptionalLong lastUsedStep) {
        return lastUsedStep.isPresent() && step <= lastUsedStep.getAsLong();
    }

    private boolean wellFormed(String presented) {
        if (presented == null || presented.length() != digits) {
            return false;
        }
        for (int i = 0; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private Match match(TotpSecret secret, String presented, Instant now, OptionalLong lastUsedStep) {
        if (!wellFormed(presented)) {
            return new Match(OptionalLong.empty(), false);
        }
        byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong accepted = OptionalLong.empty();
        boolean replayed = false;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean equal = MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII), given);
            if (equal && isReplay(s, lastUsedStep)) {
                replayed = true;
            } else if (equal && accepted.isEmpty()) {
                accepted = OptionalLong.of(s);
            }
        }
        return new Match(accepted, replayed);
    }

    private record Match(OptionalLong step, boolean replayed) {
    }
}
