package dev.gatehouse.selfservice.code;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The rules of one-time codes, free of storage so they can be tested alone: how a code is made, what is
 * hashed, and how a presented code is judged against the flow's codes.
 */
public final class CodeRules {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    private CodeRules() {
    }

    /** How a presented code fared. */
    public enum Verdict {
        /** It is the flow's current code, unexpired: accepted (and used up). */
        ACCEPTED,
        /** Wrong, replaced, used or expired: refused, and counted as a try. */
        REFUSED,
        /** The flow has had its tries: refused whatever the code, the flow is spent. */
        EXHAUSTED
    }

    /** Six random digits, leading zeros kept. */
    public static String generate(RandomGenerator random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public static boolean isWellFormed(String code) {
        return code != null && SIX_DIGITS.matcher(code).matches();
    }

    /** What is HMACed: the code together with its flow, so a code is worth nothing in another flow. */
    public static String hashInput(UUID flowId, String code) {
        return "one-time-code:" + flowId + ":" + code;
    }

    /** Wrong tries made so far in the flow, over all its codes (a new code does not reset them). */
    public static int attempts(List<OneTimeCode> codes) {
        return codes.stream().mapToInt(OneTimeCode::attempts).sum();
    }

    /**
     * Judges a presented code: {@code matchesCurrent} says whether it is the hash of the flow's current code
     * (the caller compares in constant time).
     */
    public static Verdict judge(List<OneTimeCode> codes, boolean matchesCurrent, Instant now, int maxAttempts) {
        if (attempts(codes) >= maxAttempts) {
            return Verdict.EXHAUSTED;
        }
        OneTimeCode current = current(codes);
        if (current == null || !matchesCurrent || !now.isBefore(current.expiresAt()) || !canSucceed(current)) {
            return Verdict.REFUSED;
        }
        return Verdict.ACCEPTED;
    }

    /**
     * Whether the code can ever be accepted: a code for an unknown address (no identity) cannot, except a
     * sign-up code, which proves an address before its identity exists.
     */
    public static boolean canSucceed(OneTimeCode code) {
        return code.identity() != null || code.purpose() == CodePurpose.REGISTRATION;
    }

    /** What is HMACed for a sign-in link: its token together with its flow. */
    public static String linkHashInput(UUID flowId, String token) {
        return "one-time-link:" + flowId + ":" + token;
    }

    /** The flow's current code (the newest one not used or replaced), or null. */
    public static OneTimeCode current(List<OneTimeCode> codes) {
        return codes.stream().filter(OneTimeCode::isCurrent).findFirst().orElse(null);
    }

    /** Whether a code may be sent to the address again: the last one to it is at least {@code interval} old. */
    public static boolean mayResend(List<OneTimeCode> codes, String address, Instant now, Duration interval) {
        return codes.stream().filter(c -> c.address().equalsIgnoreCase(address))
                .noneMatch(c -> c.createdAt().plus(interval).isAfter(now));
    }
}
