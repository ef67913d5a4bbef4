package dev.gatehouse.credential.webauthn;

import com.webauthn4j.data.client.challenge.DefaultChallenge;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The random challenge of one ceremony (<a href="https://www.w3.org/TR/webauthn-3/#sctn-cryptographic-challenges">WebAuthn
 * §13.4.3</a>): 32 bytes, sent base64url in the options and kept by the flow until the answer comes back, used once.
 */
public final class Challenge {

    public static final int SIZE_BYTES = 32;

    private final byte[] bytes;

    private Challenge(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static Challenge generate(SecureRandom random) {
        byte[] b = new byte[SIZE_BYTES];
        random.nextBytes(b);
        return new Challenge(b);
    }

    /**
     * The challenge a flow stored as {@link #base64url()}.
     *
     * @throws IllegalArgumentException if it is not base64url or shorter than 16 bytes
     */
    public static Challenge parse(String base64url) {
        byte[] b = Base64.getUrlDecoder().decode(base64url);
        if (b.length < 16) {
            throw new IllegalArgumentException("challenge too short");
        }
        return new Challenge(b);
    }

    /** base64url without padding, as WebAuthn's JSON writes binary values. */
    public String base64url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    DefaultChallenge webauthn4j() {
        return new DefaultChallenge(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Challenge[" + base64url() + "]";
    }
}
