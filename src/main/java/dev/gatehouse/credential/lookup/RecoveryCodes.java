package dev.gatehouse.credential.lookup;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issues and redeems recovery codes as Ory Kratos' {@code lookup_secret} method does: {@value #COUNT} codes of
 * {@value #LENGTH} lower-case letters and digits, each usable once.
 *
 * <p>Storage. A code carries 8 × log2(36) ≈ 41 bits from a {@link SecureRandom}. Argon2id, which
 * {@link dev.gatehouse.credential.password.PasswordHasher} uses for people's passwords, would cost one slow hash
 * per stored code on every attempt, for no gain: the codes are not chosen by people, so there is no dictionary to
 * slow down. Plain SHA-256 of a 41-bit code would fall to an offline search of a database copy in minutes.
 * So each code is stored as HMAC-SHA-256 under the server key of {@link TokenHasher} (the same facility that hashes
 * one-time codes and session tokens): a database copy without the key tells nothing, and a random salt per set is
 * part of the hashed input so that even with the key every set must be searched on its own. Online guessing is
 * left to the caller's attempt limits, as for every second factor.
 *
 * <p>A presented code is normalised (case, spaces and hyphens ignored), hashed once, and compared in constant time
 * with every code of the set, used or not, so the time taken says nothing about which code matched.
 */
@ApplicationScoped
public class RecoveryCodes {

    public static final int COUNT = 12;
    public static final int LENGTH = 8;
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SALT_BYTES = 16;

    private TokenHasher hasher;
    private SecureRandom random;

    protected RecoveryCodes() {
    }

    @Inject
    public RecoveryCodes(TokenHasher hasher) {
        this(hasher, new SecureRandom());
    }

    RecoveryCodes(TokenHasher hasher, SecureRandom random) {
        this.hasher = hasher;
        this.random = random;
    }

    /**
     * A new set of {@value #COUNT} distinct codes. The plain codes are shown to the person once and never stored;
     * the returned set replaces any earlier set whole, so none of the old codes works any more.
     */
    public Issued generate(Instant now) {
        Set<String> plain = new LinkedHashSet<>();
        while (plain.size() < COUNT) {
            plain.add(randomCode());
        }
        return new Issued(List.copyOf(plain), protect(List.copyOf(plain), now));
    }

    /**
     * The set to store for plain codes this class generated and the person has since confirmed they kept (they
     * waited, shown, in a server-side flow meanwhile): a new salt and each code's keyed hash, none used.
     */
    public RecoveryCodeSet protect(List<String> plain, Instant now) {
        String salt = Ids.token(SALT_BYTES);
        List<RecoveryCode> stored = plain.stream().map(c -> RecoveryCode.unused(hasher.hash(hashInput(salt, normalise(c))))).toList();
        return new RecoveryCodeSet(salt, stored, now);
    }

    /** Uses {@code presented} from {@code set} at {@code now}, if it is one of its unused codes. */
    public Redemption redeem(RecoveryCodeSet set, String presented, Instant now) {
        String code = normalise(presented);
        if (code.length() != LENGTH) {
            return new Redemption.Invalid();
        }
        byte[] hash = hasher.hash(hashInput(set.salt(), code)).getBytes(StandardCharsets.US_ASCII);
        int matched = -1;
        for (int i = 0; i < set.codes().size(); i++) {
            boolean equal = MessageDigest.isEqual(hash, set.codes().get(i).hash().getBytes(StandardCharsets.US_ASCII));
            matched = equal ? i : matched;
        }
        if (matched < 0) {
            return new Redemption.Invalid();
        }
        if (set.codes().get(matched).used()) {
            return new Redemption.AlreadyUsed();
        }
        return new Redemption.Redeemed(set.withUsed(matched, now));
    }

    private String randomCode() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    static String normalise(String presented) {
        if (presented == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(presented.length());
        for (int i = 0; i < presented.length(); i++) {
            char ch = presented.charAt(i);
            if (ch != '-' && !Character.isWhitespace(ch)) {
                b.append(ch);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Bound to the method and the set, so a code hash never equals a hash of the same text elsewhere. */
    private static String hashInput(String salt, String code) {
        return "lookup_secret:" + salt + ":" + code;
    }

    /** A new set: the plain codes to show once, and what to store. */
    public record Issued(List<String> codes, RecoveryCodeSet set) {

        public Issued {
            codes = List.copyOf(codes);
        }

        @Override
        public String toString() {
            return "Issued[codes=redacted, set=" + set + "]";
        }
    }
}
